/**
 * The content build's progress on one updating terminal line: files read,
 * articles compiled and written, time so far. Silent unless the stream is a terminal.
 */
import { formatDuration } from './build-report.ts';

export interface ProgressCounts {
  /** Files in the seeds folder. */
  files: number;
  filesRead: number;
  articlesCompiled: number;
  /** Articles to write, known once compiling is done. */
  articles: number;
  articlesWritten: number;
}

/** The part of a Node stream the progress line needs: a terminal has `isTTY` and `columns`. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** Record new counts; redraws at most once per interval. */
  update(counts: Partial<ProgressCounts>): void;
  /** Erase the line, so the report starts on a clean one. */
  done(): void;
}

const numberFormat = new Intl.NumberFormat('en-US');
const n = (value: number) => numberFormat.format(value);

/** Time first, so a narrow terminal that cuts the line still shows it. */
export const formatProgress = (counts: ProgressCounts, elapsedMs: number): string => {
  const written = counts.articles ? `, ${n(counts.articlesWritten)}/${n(counts.articles)} written` : '';
  return (
    `content ${formatDuration(elapsedMs)}: ${n(counts.filesRead)}/${n(counts.files)} files read, ` +
    `${n(counts.articlesCompiled)} articles compiled${written}`
  );
};

// ECMA-48: carriage return, then EL (erase in line) with 2, the whole line.
const ERASE_LINE = '\r\x1b[2K';

/**
 * Draws nothing for the first interval, so a quick build prints no line at
 * all, and at most one line per interval after that: a redraw costs a write
 * to the terminal, and the build calls update() once per file.
 */
export const createProgress = (
  stream: ProgressStream | undefined,
  { intervalMs = 100, now = () => performance.now() }: { intervalMs?: number; now?: () => number } = {},
): Progress => {
  if (!stream?.isTTY) return { update: () => {}, done: () => {} };
  const started = now();
  let last = started;
  let drawn = false;
  const counts: ProgressCounts = { files: 0, filesRead: 0, articlesCompiled: 0, articles: 0, articlesWritten: 0 };
  return {
    update(next) {
      Object.assign(counts, next);
      const time = now();
      if (time - last < intervalMs) return;
      last = time;
      // A line wider than the terminal wraps, and the carriage return would then redraw only its last row.
      const width = Math.max(1, (stream.columns || 80) - 1);
      stream.write(`${ERASE_LINE}${formatProgress(counts, time - started).slice(0, width)}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write(ERASE_LINE);
      drawn = false;
    },
  };
};
