import { describe, expect, it } from 'vitest';
import { createProgress, formatProgress } from '../../scripts/build-progress.ts';

/** A stream that records what is written to it, and a clock the test moves. */
const terminal = (isTTY: boolean, columns = 200) => {
  const writes: string[] = [];
  let time = 0;
  return {
    writes,
    stream: { isTTY, columns, write: (text: string) => writes.push(text) },
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
};

describe('createProgress', () => {
  it('writes nothing at all when the stream is not a terminal (CI, a pipe)', () => {
    const t = terminal(false);
    const progress = createProgress(t.stream, { now: t.now });
    for (let i = 0; i < 1000; i++) {
      t.advance(50);
      progress.update({ files: 1000, filesRead: i });
    }
    progress.done();
    expect(t.writes).toEqual([]);
  });

  it('draws nothing in the first interval, so a quick build prints no progress', () => {
    const t = terminal(true);
    const progress = createProgress(t.stream, { now: t.now });
    t.advance(99);
    progress.update({ files: 10, filesRead: 10 });
    progress.done();
    expect(t.writes).toEqual([]);
  });

  it('redraws one line at most once per interval, then erases it', () => {
    const t = terminal(true);
    const progress = createProgress(t.stream, { now: t.now, intervalMs: 100 });
    // 10,000 updates, 1 ms apart: 10 s, so about 100 redraws.
    for (let i = 1; i <= 10_000; i++) {
      t.advance(1);
      progress.update({ files: 10_000, filesRead: i });
    }
    expect(t.writes).toHaveLength(100);
    expect(t.writes.every((w) => w.startsWith('\r\x1b[2K') && !w.includes('\n'))).toBe(true);
    expect(t.writes.at(-1)).toBe('\r\x1b[2Kcontent 10.0 s: 10,000/10,000 files read, 0 articles compiled');
    progress.done();
    expect(t.writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('cuts the line to the terminal width, so it never wraps', () => {
    const t = terminal(true, 30);
    const progress = createProgress(t.stream, { now: t.now });
    t.advance(100);
    progress.update({ files: 100_000, filesRead: 100_000, articlesCompiled: 100_000 });
    // 29 characters: one column is left free, where the cursor would otherwise wrap.
    expect(t.writes).toEqual(['\r\x1b[2Kcontent 100 ms: 100,000/100,0']);
  });
});

describe('formatProgress', () => {
  it('shows the time first, then files read, articles compiled and written', () => {
    const counts = { files: 200_000, filesRead: 200_000, articlesCompiled: 100_000, articles: 100_000 };
    expect(formatProgress({ ...counts, articlesWritten: 45_210 }, 95_000)).toBe(
      'content 1 min 35 s: 200,000/200,000 files read, 100,000 articles compiled, 45,210/100,000 written',
    );
  });
});
