import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildCache } from '../../scripts/build-cache.ts';
import { compileSeed, pictureReader } from '../../scripts/compile-seed.ts';
import { type SourceIdentity, sourceIdentity } from '../../scripts/source-identity.ts';
import type { ContentWarning } from '../../src/content/types.ts';
import { SETTINGS } from '../helpers/sources.ts';

const source = (size: number): SourceIdentity => ({
  size,
  mtimeMs: 1,
  sidecar: null,
  sidecarSize: 0,
  sidecarMtimeMs: 0,
});
const keys = (id: string) => ({
  id,
  slug: id,
  published: '2024-01-01T00:00:00Z',
  updated: '2024-01-01T00:00:00Z',
  tags: [],
});
const noPicture = (name: string) => ({ name, size: -1, mtimeMs: -1 });

describe('the build cache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'build-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** Saves what a build recorded of these files, its spill `spillBytes` long. */
  const save = async (cache: BuildCache, names: string[], spillBytes: number) => {
    await writeFile(cache.nextSpill, Buffer.alloc(spillBytes));
    const positions = Uint32Array.from(names, (_, i) => i);
    await cache.save({
      count: names.length,
      files: 0,
      bytes: 0,
      version: 'v',
      positions,
      packs: { starts: [0], hashes: ['h'] },
    });
  };

  /** A build that records these files, in this order, each with its own segments in the spill. */
  const build = async (
    names: string[],
    present: (name: string) => boolean = () => true,
    warningsOf: (name: string) => ContentWarning[] = () => [],
  ) => {
    const cache = await BuildCache.open(dir, 'f'.repeat(64), present);
    const hits = new Map(names.map((name, i) => [name, cache.lookup(name, source(i + 1), noPicture)]));
    names.forEach((name, i) => {
      const spilled = { offset: i * 10, metaLength: 4, length: 10 };
      const outcome = { added: i, spilled, keys: keys(name), explicitSlug: false, shortened: false };
      cache.record(name, source(i + 1), outcome, warningsOf(name), []);
    });
    await save(cache, names, 10 * names.length);
    return hits;
  };

  it('finds every unchanged file whatever order the directory lists them in, and skips files gone', async () => {
    await build(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    // Another order, and b.txt gone: each found, with what was recorded of it.
    const cache = await BuildCache.open(dir, 'f'.repeat(64), (name) => name !== 'b.txt');
    expect(cache.lookup('d.txt', source(4), noPicture)?.keys?.id).toBe('d.txt');
    expect(cache.lookup('a.txt', source(1), noPicture)?.offset).toBe(0);
    expect(cache.lookup('new.txt', source(9), noPicture)).toBeUndefined();
    // Changed since (another size): compiled again.
    expect(cache.lookup('c.txt', source(7), noPicture)).toBeUndefined();
    await cache.discard();
  });

  it('keeps every entry whole, new or taken over as it was read, however long and however many', async () => {
    // Several times the index writer's megabyte of lines, and one entry longer than that alone.
    const names = Array.from({ length: 3000 }, (_, i) => `a${i}.txt`);
    const long: ContentWarning[] = [{ file: 'a7.txt', kind: 'date-fallback', message: 'ж'.repeat(700_000) }];
    const warningsOf = (name: string) => (name === 'a7.txt' ? long : []);
    await build(names, () => true, warningsOf);
    // Every file unchanged: each entry goes to the next index as the bytes it was read as.
    const next = await BuildCache.open(dir, 'f'.repeat(64), () => true);
    names.forEach((name, i) => {
      const hit = next.lookup(name, source(i + 1), noPicture)!;
      next.record(name, source(i + 1), { added: i, kept: hit }, hit.warnings, hit.pictures);
    });
    await save(next, names, 0);
    const cache = await BuildCache.open(dir, 'f'.repeat(64), () => true);
    for (const [i, name] of names.entries()) {
      const hit = cache.lookup(name, source(i + 1), noPicture);
      expect(hit?.keys?.id).toBe(name);
      expect(hit?.warnings).toEqual(warningsOf(name));
    }
    await cache.discard();
  });

  it('keeps one segments file a build, then starts again from one', async () => {
    for (let i = 0; i < 9; i++) await build([`a${i}.txt`]);
    const files = (await readdir(dir)).filter((name) => name.startsWith('segments-'));
    expect(files).toHaveLength(1);
  });

  it('starts afresh under another fingerprint', async () => {
    await build(['a.txt']);
    const cache = await BuildCache.open(dir, '0'.repeat(64), () => true);
    expect(cache.lookup('a.txt', source(1), noPicture)).toBeUndefined();
    await cache.discard();
  });

  it('identifies a compiled source by its read as a later build does by stat: else every build compiles it again', async () => {
    await writeFile(join(dir, 'a.txt'), 'Заголовок\n\nТекст.');
    await writeFile(join(dir, 'a.yaml'), 'date: 2022-01-01T12:00:00');
    await writeFile(join(dir, 'b.txt'), 'Без сводки\n\nТекст.');
    const compile = (name: string, sidecar?: string) =>
      compileSeed(
        { seeds: dir, settings: SETTINGS, now: 0 },
        { name, ...(sidecar ? { sidecar } : {}) },
        pictureReader(dir),
      );
    expect(compile('a.txt', 'a.yaml').source).toEqual(sourceIdentity(dir, 'a.txt', 'a.yaml'));
    expect(compile('b.txt').source).toEqual(sourceIdentity(dir, 'b.txt', undefined));
  });
});
