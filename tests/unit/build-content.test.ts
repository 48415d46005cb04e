import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = join(import.meta.dirname, '../../scripts/build-content.ts');

// Each test runs the build as a child process or two: a loaded machine needs more than the default 5 s.
describe('scripts/build-content.ts', { timeout: 30_000 }, () => {
  let dir: string;
  const build = async () => {
    const args = [
      script,
      '--seeds',
      join(dir, 'seeds'),
      '--index',
      join(dir, 'index.txt'),
      '--assets',
      join(dir, 'assets'),
    ];
    return run(process.execPath, args).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'content-'));
    await run('mkdir', [join(dir, 'seeds')]);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('prints a one-line summary and writes the index and one asset per article', async () => {
    await writeFile(join(dir, 'seeds/a.txt'), 'Заголовок\n\nТекст.');
    await writeFile(join(dir, 'seeds/a.yaml'), 'date: 2022-01-01');
    await writeFile(join(dir, 'seeds/b.txt'), 'Другой\n\nТекст.');
    const { code, stdout, stderr } = await build();
    expect(code).toBe(0);
    expect(stdout).toMatch(/^content: 2 articles, 1 warnings \(\d+ ms, version [0-9a-f]{16}\)\n$/);
    expect(stderr).toBe('warning: b.txt: no date: using 1970-01-01 (the fallback); set "date" in its metadata\n');
    expect(await readdir(join(dir, 'assets/_content/articles'))).toEqual(['a.json', 'b.json']);
    const index = JSON.parse(await readFile(join(dir, 'index.txt'), 'utf8'));
    expect(index.articles.map((a: { id: string }) => a.id)).toEqual(['a', 'b']);
  });

  it('writes byte-identical output on every build', async () => {
    await writeFile(join(dir, 'seeds/a.txt'), 'Заголовок\n\nТекст.');
    await build();
    const first = await readFile(join(dir, 'index.txt'));
    await build();
    expect(await readFile(join(dir, 'index.txt'))).toEqual(first);
  });

  it('fails with the file, line and reason, and leaves the last good output in place', async () => {
    await writeFile(join(dir, 'seeds/a.txt'), 'Заголовок\n\nТекст.');
    await build();
    const good = await readFile(join(dir, 'index.txt'), 'utf8');
    await writeFile(join(dir, 'seeds/a.yaml'), 'date: 2022-13-01');
    await writeFile(join(dir, 'seeds/b.txt'), '');
    const { code, stderr } = await build();
    expect(code).toBe(1);
    expect(stderr).toContain('error: a.yaml:1: "date" "2022-13-01" is not a valid date');
    expect(stderr).toContain('error: b.txt:1: the title (line 1) is empty');
    expect(stderr).toContain('content: 2 error(s); nothing was written');
    expect(await readFile(join(dir, 'index.txt'), 'utf8')).toBe(good);
  });
});
