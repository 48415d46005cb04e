import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = join(import.meta.dirname, '../../scripts/build-content.js');

// Each test runs the build as a process: allow for a busy machine.
describe('npm run content', { timeout: 30_000 }, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scheduled-'));
    await mkdir(join(dir, 'seeds'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const build = () =>
    run(process.execPath, [script, ...['--seeds', join(dir, 'seeds'), '--assets', join(dir, 'assets')]]);

  it('lists the scheduled articles with their times, the soonest first, and publishes them all into the store', async () => {
    const article = (name: string, title: string, date: string) =>
      writeFile(join(dir, 'seeds', `${name}.md`), `---\ntitle: ${title}\ndate: ${date}\n---\nТекст.\n`);
    await article('past', 'Вышедшая', '2020-01-01T09:00:00+03:00');
    await article('far', 'Совсем не скоро', '2999-06-01T09:00:00+03:00');
    await article('soon', 'Скоро', '2999-01-01T21:00:00+03:00');
    const { stdout } = await build();
    const lines = stdout.split('\n');
    const first = lines.findIndex((line) => line.startsWith('scheduled:'));
    expect(lines.slice(first, first + 3)).toEqual([
      'scheduled: 2 articles, published at their time with no deploy:',
      '  2999-01-01T21:00:00+03:00  soon  Скоро',
      '  2999-06-01T09:00:00+03:00  far  Совсем не скоро',
    ]);
    // The store holds all three, oldest first, as the sitemap's lines show them.
    const stored = (await readFile(join(dir, 'assets/_content/sitemap/0.txt'), 'utf8')).trim().split('\n');
    expect(stored.map((line) => line.split('\t')[0])).toEqual(['vyshedshaya', 'skoro', 'sovsem-ne-skoro']);
  });

  it('says nothing of scheduling when nothing is scheduled', async () => {
    await writeFile(join(dir, 'seeds', 'past.md'), '---\ntitle: Вышедшая\ndate: 2020-01-01\n---\nТекст.\n');
    const { stdout } = await build();
    expect(stdout).not.toMatch(/scheduled/);
  });
});
