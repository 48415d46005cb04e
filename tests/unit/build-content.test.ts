import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/generate-articles.ts';
import { WRANGLER_TOML } from '../../scripts/wrangler-config.ts';

const run = promisify(execFile);
const script = join(import.meta.dirname, '../../scripts/build-content.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The build as a child process, as npm and wrangler run it: stdout and stderr are pipes. */
const buildIn = (dir: string, { args = [] as string[], env = {} as Record<string, string> } = {}): Promise<Run> =>
  run(process.execPath, [script, '--seeds', join(dir, 'seeds'), '--assets', join(dir, 'assets'), ...args], {
    env: { ...process.env, CONTENT_VERBOSE: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: Run) => error,
  );

// Each test runs the build as a child process or two: a loaded machine needs more than the default 5 s.
describe('scripts/build-content.js', { timeout: 30_000 }, () => {
  let dir: string;
  const build = (options?: Parameters<typeof buildIn>[1]) => buildIn(dir, options);
  const manifest = async () => readFile(join(dir, 'assets/_content/manifest.json'), 'utf8');
  /** Every file of the store, by path. */
  const store = async () => {
    const root = join(dir, 'assets');
    const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    const read = (e: (typeof files)[number]) => readFile(join(e.parentPath, e.name));
    return Object.fromEntries(
      await Promise.all(files.map(async (e) => [join(e.parentPath, e.name).slice(root.length), await read(e)])),
    );
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'content-'));
    await run('mkdir', [join(dir, 'seeds')]);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('prints a one-line summary and writes the store: a pack, the index shards, the manifest', async () => {
    await writeFile(join(dir, 'seeds/a.txt'), 'Заголовок\n\nТекст.');
    await writeFile(join(dir, 'seeds/a.yaml'), 'date: 2022-01-01T10:00:00');
    await writeFile(join(dir, 'seeds/b.txt'), 'Другой\n\nТекст.');
    const { code, stdout, stderr } = await build();
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'warning: b.txt: no date: using 1970-01-01 (the fallback); set "date" in its metadata',
      expect.stringMatching(
        /^content: 2 articles, 1 warning; wrote \d+ files \([\d.]+ k?B\) in [\d.]+ m?s, version [0-9a-f]{16}$/,
      ),
      '',
    ]);
    expect(stderr).toBe('');
    expect(JSON.parse(await manifest())).toMatchObject({ count: 2, newestPublished: Date.parse('2022-01-01T07:00Z') });
    expect(await readdir(join(dir, 'assets/_content/packs'))).toEqual(['0.bin']);
    // Oldest first: b (no date, the fallback) is at position 0.
    const sitemap = await readFile(join(dir, 'assets/_content/sitemap/0.txt'), 'utf8');
    expect(sitemap).toBe('drugoy\t1970-01-01T12:00:00+03:00\nzagolovok\t2022-01-01T10:00:00+03:00\n');
    expect(existsSync(join(dir, 'assets.spill'))).toBe(false);
  });

  it('lists every warning with --verbose, and counts them by kind without', async () => {
    for (const name of ['a', 'b', 'c', 'd']) await writeFile(join(dir, `seeds/${name}.txt`), `${name}\n\nТекст.`);
    const grouped = (await build()).stdout.split('\n');
    expect(grouped[0]).toBe(
      'warning: no date in 4 articles, 1970-01-01 used (a.txt, b.txt, c.txt, … and 1 more); set "date" in their metadata',
    );
    expect(grouped).toHaveLength(4);
    const verbose = (await build({ args: ['--verbose'] })).stdout.split('\n');
    expect(verbose.slice(0, 4)).toEqual(
      ['a', 'b', 'c', 'd'].map(
        (name) => `warning: ${name}.txt: no date: using 1970-01-01 (the fallback); set "date" in its metadata`,
      ),
    );
    expect(verbose[4]).toMatch(/^content: 4 articles, 4 warnings; wrote \d+ files/);
  });

  it('writes byte-identical output on every build', async () => {
    await writeFile(join(dir, 'seeds/a.txt'), 'Заголовок\n\nТекст.');
    await writeFile(join(dir, 'seeds/b.md'), '---\ndate: 2021-05-01\ntags: [Россия]\n---\n# Другой\n\nТекст.');
    await build();
    const first = await store();
    await build();
    expect(await store()).toEqual(first);
  });

  it('writes the same store and report whether it compiles on worker threads or on its own', async () => {
    await writeCorpus(join(dir, 'seeds'), 60);
    await writeFile(join(dir, 'seeds/draft.md'), '---\ndraft: true\n---\n# Черновик\n\nТекст.');
    await writeFile(join(dir, 'seeds/broken.yaml'), 'date: 2022-13-01\n');
    await writeFile(join(dir, 'seeds/broken.txt'), 'Сломанный\n\nТекст.');
    await writeFile(join(dir, 'seeds/ok.txt'), 'Целый "текст"\n\nТекст - с тире.');
    const report = (run: Run) => run.stdout.replace(/[\d.]+ m?s\b/g, 'T');
    const threads = await build({ args: ['--no-cache'], env: { CONTENT_THREADS: '2' } });
    const alone = await build({ args: ['--no-cache'], env: { CONTENT_THREADS: '0' } });
    expect(threads.code).toBe(1);
    expect(report(threads)).toContain('error: broken.yaml:1:');
    expect(report(threads)).toBe(report(alone));
    await rm(join(dir, 'seeds/broken.yaml'));
    await build({ args: ['--no-cache'], env: { CONTENT_THREADS: '2' } });
    const fromThreads = await store();
    await build({ args: ['--no-cache'], env: { CONTENT_THREADS: '0' } });
    expect(Object.keys(fromThreads)).toHaveLength(Object.keys(await store()).length);
    expect(await store()).toEqual(fromThreads);
  });

  it('compiles again only what changed, and writes what a build from scratch writes', async () => {
    await writeFile(join(dir, 'seeds/a.txt'), 'Заголовок\n\nТекст.');
    await writeFile(join(dir, 'seeds/a.yaml'), 'date: 2022-01-01T12:00:00');
    await writeFile(join(dir, 'seeds/b.txt'), 'Другой\n\nТекст.');
    await build();
    expect(existsSync(join(dir, 'assets.cache/index.txt'))).toBe(true);
    // An edit, a new sidecar: both are seen, though the rest comes from the cache.
    await writeFile(join(dir, 'seeds/a.txt'), 'Заголовок исправлен\n\nТекст.');
    await writeFile(join(dir, 'seeds/b.yaml'), 'date: 2021-06-01T12:00:00\ntags: [Россия]');
    const cached = await build();
    expect(cached.stdout).toMatch(/^content: 2 articles, 0 warnings;/m);
    const slugs = await readFile(join(dir, 'assets/_content/sitemap/0.txt'), 'utf8');
    expect(slugs).toBe('drugoy\t2021-06-01T12:00:00+03:00\nzagolovok-ispravlen\t2022-01-01T12:00:00+03:00\n');
    const withCache = await store();
    await build({ args: ['--no-cache'] });
    expect(await store()).toEqual(withCache);
  });

  it('asks about the files its cache knows on a thread of its own, and still writes what a build from scratch writes', async () => {
    // 300 articles: batches of 128 to the stat thread, the last one partial.
    await writeCorpus(join(dir, 'seeds'), 300);
    const threads = { env: { CONTENT_THREADS: '1' } };
    expect((await build(threads)).code).toBe(0);
    const seeds = (await readdir(join(dir, 'seeds'))).sort();
    const [edited, retagged, removed] = seeds.filter((name) => name.endsWith('.txt'));
    await writeFile(join(dir, 'seeds', edited!), 'Заголовок исправлен\n\nТекст.');
    await writeFile(join(dir, 'seeds', retagged!.replace('.txt', '.yaml')), 'date: 2021-06-01T12:00:00\ntags: [Новое]');
    await rm(join(dir, 'seeds', removed!));
    await rm(join(dir, 'seeds', removed!.replace('.txt', '.yaml')));
    await writeFile(join(dir, 'seeds/new.txt'), 'Новая статья\n\nТекст.');
    const cached = await build(threads);
    expect(cached.stdout).toMatch(/^content: 300 articles,/m);
    const withCache = await store();
    expect(await readFile(join(dir, 'assets/_content/sitemap/0.txt'), 'utf8')).toMatch(/^zagolovok-ispravlen\t/m);
    await build({ args: ['--no-cache'], env: { CONTENT_THREADS: '0' } });
    expect(await store()).toEqual(withCache);
  });

  it('fails, and exits, when the seeds folder is gone after a build its cache knows: store and cache stay as they were', async () => {
    await writeCorpus(join(dir, 'seeds'), 20);
    // One thread: the next build starts the stat thread before it lists the seeds.
    const threads = { env: { CONTENT_THREADS: '1' } };
    expect((await build(threads)).code).toBe(0);
    const [good, cache] = [await store(), (await readdir(join(dir, 'assets.cache'))).sort()];
    await rm(join(dir, 'seeds'), { recursive: true });
    const { code, stderr } = await build(threads);
    expect(code).toBe(1);
    expect(stderr).toContain(`content: cannot read the seeds folder ${join(dir, 'seeds')}: ENOENT: no such file`);
    expect(await store()).toEqual(good);
    expect((await readdir(join(dir, 'assets.cache'))).sort()).toEqual(cache);
    expect((await readdir(dir)).sort()).toEqual(['assets', 'assets.cache']);
  });

  it('copies no unchanged article into the cache again, and compacts its files after eight builds', async () => {
    await writeFile(join(dir, 'seeds/a.txt'), 'Заголовок\n\nТекст.');
    await writeFile(join(dir, 'seeds/a.yaml'), 'date: 2022-01-01T12:00:00');
    const segmentFiles = async () =>
      (await readdir(join(dir, 'assets.cache'))).filter((name) => name.startsWith('segments-')).length;
    const counts: number[] = [];
    for (let i = 1; i <= 9; i++) {
      await build();
      counts.push(await segmentFiles());
      // One more article for the next build: its spill joins the files kept.
      await writeFile(join(dir, `seeds/n${i}.txt`), `Новость ${i}\n\nТекст.`);
      await writeFile(join(dir, `seeds/n${i}.yaml`), `date: 2022-02-0${i}T12:00:00`);
    }
    expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 1]);
    await build();
    const withCache = await store();
    await build({ args: ['--no-cache'] });
    expect(await store()).toEqual(withCache);
  });

  it('takes over the packs that come out the same from the store it replaces', async () => {
    // Articles 1…300, about three packs; then article 0, newer than all.
    await writeCorpus(join(dir, 'seeds'), 300, { from: 1 });
    await build();
    const pack = (k: number) => join(dir, `assets/_content/packs/${k}.bin`);
    const inode = async (k: number) => (await stat(pack(k))).ino;
    const packs = (await readdir(join(dir, 'assets/_content/packs'))).length;
    expect(packs).toBeGreaterThan(2);
    const before = await Promise.all(Array.from({ length: packs }, (_, k) => inode(k)));
    await writeCorpus(join(dir, 'seeds'), 1, { from: 0 });
    await build();
    const after = await Promise.all(Array.from({ length: packs }, (_, k) => inode(k)));
    // Every full pack is the same file; the newest was written again (or is still the same, if a new one opened).
    expect(after.slice(0, packs - 1)).toEqual(before.slice(0, packs - 1));
    const withCache = await store();
    await build({ args: ['--no-cache'] });
    expect(await store()).toEqual(withCache);
  });

  it('fails with the file, line and reason, and leaves the last good output in place', async () => {
    await writeFile(join(dir, 'seeds/a.txt'), 'Заголовок\n\nТекст.');
    await build();
    const good = await manifest();
    await writeFile(join(dir, 'seeds/a.yaml'), 'date: 2022-13-01');
    await writeFile(join(dir, 'seeds/b.txt'), '');
    const { code, stdout } = await build();
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      'error: a.yaml:1: "date" "2022-13-01" is not a valid date: there is no month 13 (use 2022-11-28 or 2022-11-28T15:30:00+03:00)',
      'error: b.txt:1: the title (line 1) is empty',
      expect.stringMatching(/^content: 2 errors, 0 warnings; nothing was written \(\d+ ms\)$/),
      '',
    ]);
    expect(await manifest()).toBe(good);
  });

  it('refuses bad settings in wrangler.toml, naming every one, before it writes anything', async () => {
    await writeFile(join(dir, 'seeds/a.txt'), 'Заголовок\n\nТекст.');
    const toml = (await readFile(WRANGLER_TOML, 'utf8'))
      .replace(/^SITE_TIME_ZONE = .*$/m, 'SITE_TIME_ZONE = "Europe/Moskva"')
      .replace(/^FEED_PAGE_SIZE = .*$/m, 'FEED_PAGE_SIZE = "0"');
    await writeFile(join(dir, 'wrangler.toml'), toml);
    const { code, stderr } = await build({ args: ['--config', join(dir, 'wrangler.toml')] });
    expect(code).toBe(1);
    expect(stderr).toContain('invalid site settings SITE_TIME_ZONE, FEED_PAGE_SIZE (see "Settings" in README.md):');
    expect(stderr).toContain('wrangler.toml: [vars] SITE_TIME_ZONE: must be an IANA time zone such as Europe/Moscow');
    expect(stderr).toContain('wrangler.toml: [vars] FEED_PAGE_SIZE: must be at least 1');
    expect((await readdir(dir)).sort()).toEqual(['seeds', 'wrangler.toml']);
  });
});

const build = buildIn;

describe('scripts/build-content.js over 1,000 undated articles, three of them broken', () => {
  const COUNT = 1000;
  let dir: string;
  let plain: Run;
  let verbose: Run;
  // "Привет" in Windows-1251, on line 3.
  const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
  const ERRORS = [
    'error: 00250_gen1.yaml:1: "date" "2022-13-01" is not a valid date: there is no month 13 (use 2022-11-28 or 2022-11-28T15:30:00+03:00)',
    'error: 00500_empty.txt:1: the title (line 1) is empty',
    'error: 00750_cp1251.txt:3: not valid UTF-8 (it reads as Windows-1251; convert it with `iconv -f windows-1251 -t utf-8`)',
  ];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'content-1000-'));
    const seeds = join(dir, 'seeds');
    await writeCorpus(seeds, COUNT, { undated: true });
    await writeFile(join(seeds, '00250_gen1.yaml'), 'date: 2022-13-01\n');
    await writeFile(join(seeds, '00500_empty.txt'), '');
    await writeFile(join(seeds, '00750_cp1251.txt'), Buffer.concat([Buffer.from('Title\n\n'), cp1251]));
    [plain, verbose] = await Promise.all([build(dir), build(dir, { env: { CONTENT_VERBOSE: '1' } })]);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints every error first, one line for 999 warnings, and the summary: six lines', () => {
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe('');
    const lines = plain.stdout.split('\n');
    expect(lines).toHaveLength(6 + 1);
    expect(lines.slice(0, 3)).toEqual(ERRORS);
    expect(lines[3]).toBe(
      'warning: no date in 999 articles, 1970-01-01 used (00000_gen1.txt, 00001_gen1.txt, 00002_gen1.txt, … and 996 more); set "date" in their metadata',
    );
    expect(lines[4]).toMatch(/--verbose.*CONTENT_VERBOSE=1/);
    expect(lines[5]).toMatch(/^content: 3 errors, 999 warnings; nothing was written \([\d.]+ m?s\)$/);
    expect(lines[6]).toBe('');
  });

  it('lists every warning with CONTENT_VERBOSE=1, still after the errors', () => {
    expect(verbose.code).toBe(1);
    const lines = verbose.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3 + 999 + 1);
    expect(lines.slice(0, 3)).toEqual(ERRORS);
    const named = lines
      .slice(3, -1)
      .map((line) => /^warning: (\d{5}_gen1\.txt): no date: using 1970-01-01/.exec(line)?.[1]);
    const undated = Array.from({ length: COUNT }, (_, i) => `${String(i).padStart(5, '0')}_gen1.txt`);
    expect(named).toEqual(undated.filter((name) => name !== '00250_gen1.txt'));
    expect(lines.at(-1)).toMatch(/^content: 3 errors, 999 warnings; nothing was written/);
  });

  // script(1) runs the build on a pseudo-terminal, as a person at a terminal would.
  it.skipIf(!existsSync('/usr/bin/script'))(
    'on a terminal, shows progress on one line and erases it before the report',
    async () => {
      const command = [process.execPath, script, '--seeds', join(dir, 'seeds'), '--assets', join(dir, 'a')];
      const { stdout } = await run('script', ['-qec', `stty cols 120; ${command.join(' ')}`, '/dev/null'], {
        env: { ...process.env, CONTENT_VERBOSE: '' },
      }).catch((error: Run) => error);
      const draws = stdout.split('\r\x1b[2K');
      const progress = draws.slice(1, -1);
      expect(progress.length).toBeGreaterThan(0);
      for (const line of progress)
        expect(line).toMatch(/^content [\d.]+ m?s: [\d,]+\/1,003 files read, [\d,]+ articles compiled$/);
      // Files are read and compiled one at a time, so the counts only grow; the line is throttled, so the last
      // one drawn may be short of the end.
      const read = progress.map((line) => Number(/([\d,]+)\/1,003 files read/.exec(line)![1]!.replace(/,/g, '')));
      expect(read).toEqual([...read].sort((a, b) => a - b));
      // The last erase comes first in the report's line: then only the report, errors first.
      expect(draws.at(-1)!.split('\r\n').slice(0, 3)).toEqual(ERRORS);
    },
    60_000,
  );
});
