import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCompiledArticle } from '../../scripts/generate-articles.ts';
import type { CompiledArticle } from '../../src/content/compile-articles.ts';
import {
  allArticles,
  findArticle,
  findTag,
  loadEntries,
  loadMetas,
  pagePositions,
  publishedCount,
  siteUpdated,
  tagArticles,
} from '../../src/site/content-store.ts';
import {
  PACK_BYTES,
  PACK_START_BYTES,
  type StoreManifest,
  TAG_CHUNK,
  TAG_TAIL_MIN,
} from '../../src/site/store-layout.ts';
import { assetsOf, generated, removeStore, storeFiles, writeStore } from '../helpers/written-store.ts';

const COUNT = 1000;
/** Generated article i sits at position COUNT - 1 - i: i = 0 is the newest. */
const at = (position: number) => generateCompiledArticle(COUNT - 1 - position, 1, { fullBody: true });
/** An instant after every generated article: everything is published. */
const LATER = Date.parse('2030-01-01T00:00:00Z');

describe('the content store', () => {
  let dir: string;
  let assets: ReturnType<typeof assetsOf>;

  beforeAll(async () => {
    ({ dir } = await writeStore(generated(COUNT, { fullBody: true })));
    assets = assetsOf(dir);
  });
  afterAll(() => removeStore(dir));

  it('reads articles from several packs, in the order asked, with one inflate', async () => {
    const positions = [COUNT - 1, 3, 517, 0, 518];
    const entries = await loadEntries(assets, positions, 'page');
    expect(entries.map((e) => e.meta)).toEqual(positions.map((p) => at(p).meta));
    expect(entries.map((e) => e.body)).toEqual(positions.map((p) => at(p).body));
    expect((await loadMetas(assets, [5])).map((m) => m.slug)).toEqual([at(5).meta.slug]);
  });

  it('finds an article by slug, and nothing for an unknown slug or one not yet published', async () => {
    expect(await findArticle(assets, at(700).meta.slug, LATER)).toBe(700);
    expect(await findArticle(assets, at(0).meta.slug, LATER)).toBe(0);
    expect(await findArticle(assets, 'no-such-slug', LATER)).toBeUndefined();
    // A prefix of a real slug is not that slug.
    expect(await findArticle(assets, at(700).meta.slug.slice(0, -1), LATER)).toBeUndefined();
    const newest = Date.parse(at(999).meta.published);
    expect(await findArticle(assets, at(999).meta.slug, newest)).toBe(999);
    expect(await findArticle(assets, at(999).meta.slug, newest - 1)).toBeUndefined();
  });

  it('lists the site and a tag newest first, the tag by its own positions', async () => {
    expect(await pagePositions(await allArticles(assets, LATER), { start: 997, end: 1000 })).toEqual([999, 998, 997]);
    const tag = (await findTag(assets, 'rossiya', LATER))!;
    const expected = Array.from({ length: COUNT }, (_, p) => p).filter((p) =>
      at(p).meta.tags.some((t) => t.slug === 'rossiya'),
    );
    const list = await tagArticles(assets, tag, LATER);
    expect(list.count).toBe(expected.length);
    expect(await list.positions(0, list.count)).toEqual(expected);
    expect(await pagePositions(list, { start: list.count - 2, end: list.count })).toEqual(expected.slice(-2).reverse());
    expect(await findTag(assets, 'no-such-tag', LATER)).toBeUndefined();
    // Before its first article, a tag does not exist; after, its list grows with each of its articles.
    expect(await findTag(assets, 'rossiya', Date.parse(at(expected[0]!).meta.published) - 1)).toBeUndefined();
    const cut = Date.parse(at(expected[5]!).meta.published);
    expect(await tagArticles(assets, tag, cut)).toMatchObject({ count: 6, key: '6' });
    expect((await tagArticles(assets, tag, cut)).changesAt).toBe(Date.parse(at(expected[6]!).meta.published));
  });

  it('fills packs in turn up to PACK_BYTES, and lists where each begins', async () => {
    const files = await storeFiles(dir);
    const manifest = JSON.parse(files.get('/_content/manifest.json')!.toString()) as StoreManifest;
    const packs = [...files].filter(([path]) => path.startsWith('/_content/packs/'));
    expect(packs).toHaveLength(manifest.packs);
    expect(manifest.packs).toBeGreaterThan(5);
    for (const [path, bytes] of packs) expect(bytes.byteLength, path).toBeLessThanOrEqual(PACK_BYTES);
    // Full packs are filled: the next record would not have fitted (records here are a few KB).
    const sizes = packs.map(([, bytes]) => bytes.byteLength).sort((a, b) => a - b);
    expect(sizes[1]!).toBeGreaterThan(PACK_BYTES - 8 * 1024);
    const starts = files.get('/_content/pack-starts/0.bin')!;
    expect(starts.byteLength).toBe(PACK_START_BYTES * manifest.packs);
    expect(starts.readUInt32LE(8)).toBe(0);
    expect(starts.readDoubleLE(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(manifest.packChunks).toEqual([0]);
  });

  it('counts what is published at an instant, reading no pack when everything is', async () => {
    const dates = Array.from({ length: COUNT }, (_, p) => Date.parse(at(p).meta.published));
    const expected = (now: number) => dates.filter((d) => d <= now).length;
    assets.reads.length = 0;
    expect(await publishedCount(assets, dates.at(-1)!)).toBe(COUNT);
    expect(assets.reads.filter((r) => r.includes('/packs/'))).toEqual([]);
    // Every pack's first article and the one before it, and some between.
    const starts = (await storeFiles(dir)).get('/_content/pack-starts/0.bin')!;
    const boundaries = Array.from({ length: starts.byteLength / PACK_START_BYTES }, (_, i) =>
      starts.readUInt32LE(PACK_START_BYTES * i + 8),
    );
    for (const position of [...new Set([0, 1, 250, 998, 999, ...boundaries.flatMap((b) => [b - 1, b, b + 1])])].filter(
      (p) => p >= 0 && p < COUNT,
    )) {
      expect(await publishedCount(assets, dates[position]!), `at ${position}`).toBe(position + 1);
      expect(await publishedCount(assets, dates[position]! - 1), `before ${position}`).toBe(position);
    }
    expect(await publishedCount(assets, dates[0]! - 1)).toBe(0);
    expect(await publishedCount(assets, (dates[300]! + dates[301]!) / 2)).toBe(
      expected((dates[300]! + dates[301]!) / 2),
    );
  });
});

describe('the newest change at an instant', () => {
  const N = 1000;
  /** Position p holds generated article N - 1 - p; a few old ones were updated after newer ones came out. */
  const UPDATED: Record<number, string> = {
    3: '2024-06-01T00:00:00+00:00',
    250: '2024-09-01T00:00:00+00:00',
    700: '2024-12-30T00:00:00+00:00',
  };
  const article = (position: number) => {
    const a = generateCompiledArticle(N - 1 - position, 1, { fullBody: true });
    const updated = UPDATED[position];
    return updated ? { ...a, meta: { ...a.meta, updated } } : a;
  };
  let dir: string;
  beforeAll(async () => {
    ({ dir } = await writeStore(Array.from({ length: N }, (_, p) => article(p))));
  });
  afterAll(() => removeStore(dir));

  it('is the newest update among the published, wherever the cut falls in the packs', async () => {
    const assets = assetsOf(dir);
    const published = Array.from({ length: N }, (_, p) => Date.parse(article(p).meta.published));
    const updated = Array.from({ length: N }, (_, p) => Date.parse(article(p).meta.updated));
    const starts = (await storeFiles(dir)).get('/_content/pack-starts/0.bin')!;
    const boundaries = Array.from({ length: starts.byteLength / PACK_START_BYTES }, (_, i) =>
      starts.readUInt32LE(PACK_START_BYTES * i + 8),
    );
    const cuts = [1, 2, 4, 5, 251, 252, 600, 701, 702, N - 1, ...boundaries, ...boundaries.map((b) => b + 1)];
    for (const cut of cuts.filter((c) => c >= 1 && c < N)) {
      // An instant at which the first `cut` articles are out.
      const expected = Math.max(...updated.slice(0, cut));
      expect(Date.parse((await siteUpdated(assets, published[cut - 1]!))!), `cut ${cut}`).toBe(expected);
    }
    expect(await siteUpdated(assets, published[0]! - 1)).toBeUndefined();
  });
});

describe('a tag with chunks', () => {
  const COUNT_TAGGED = TAG_TAIL_MIN + TAG_CHUNK + 50;
  let dir: string;

  beforeAll(async () => {
    // Every article carries "Все" besides its own tags: one chunk, then the tail.
    const all = function* (): Generator<CompiledArticle> {
      for (const article of generated(COUNT_TAGGED)) {
        yield { ...article, meta: { ...article.meta, tags: [...article.meta.tags, { name: 'Все', slug: 'vse' }] } };
      }
    };
    ({ dir } = await writeStore(all()));
  }, 60_000);
  afterAll(() => removeStore(dir));

  it('keeps its newest positions in its entry and older ones in immutable chunks', async () => {
    const assets = assetsOf(dir);
    const tag = (await findTag(assets, 'vse', LATER))!;
    expect(tag).toMatchObject({ count: COUNT_TAGGED, chunks: 1, first: 0 });
    expect(tag.tail).toHaveLength(COUNT_TAGGED - TAG_CHUNK);
    const list = await tagArticles(assets, tag, LATER);
    expect(await list.positions(TAG_CHUNK - 2, TAG_CHUNK + 2)).toEqual([4094, 4095, 4096, 4097]);
    expect(await pagePositions(list, { start: COUNT_TAGGED - 2, end: COUNT_TAGGED })).toEqual([
      COUNT_TAGGED - 1,
      COUNT_TAGGED - 2,
    ]);
    // Under a publication cut, the tag counts only what is published, its chunk included.
    const date = (position: number) => Date.parse(generateCompiledArticle(COUNT_TAGGED - 1 - position).meta.published);
    expect((await tagArticles(assets, tag, date(9))).count).toBe(10);
    expect((await tagArticles(assets, tag, date(3999))).count).toBe(4000);
  });
});

describe('writing the store', () => {
  const dirs: string[] = [];
  const write = async (articles: Iterable<CompiledArticle>) => {
    const { dir } = await writeStore(articles);
    dirs.push(dir);
    return storeFiles(dir);
  };
  afterAll(() => Promise.all(dirs.map(removeStore)));

  const changed = (before: Map<string, Buffer>, after: Map<string, Buffer>) =>
    [...new Set([...before.keys(), ...after.keys()])].filter(
      (path) => !before.get(path)?.equals(after.get(path) ?? Buffer.alloc(0)),
    );

  it('writes the same bytes whatever order the articles come in', async () => {
    const articles = [...generated(250)];
    expect(await write([...articles].reverse())).toEqual(await write(articles));
  });

  it('rewrites only a few files when an article is published, and no other byte', async () => {
    // Articles 1…400 are the store; article 0 is newer than all of them.
    const older = [...generated(401)].slice(1);
    const before = await write(older);
    const after = await write([generateCompiledArticle(0), ...older]);
    const paths = changed(before, after);
    const tags = generateCompiledArticle(0).meta.tags.length;
    const { packs } = JSON.parse(after.get('/_content/manifest.json')!.toString()) as StoreManifest;
    // The newest pack takes it, or, when full, a new one, whose start is then added to the newest chunk of starts.
    const opened = paths.includes('/_content/pack-starts/0.bin') ? 1 : 0;
    expect(paths.length).toBeLessThanOrEqual(10);
    expect(paths.length).toBeLessThanOrEqual(5 + tags + opened);
    expect(paths.filter((p) => p.startsWith('/_content/packs/'))).toEqual([`/_content/packs/${packs - 1}.bin`]);
    expect(paths).toContain('/_content/manifest.json');
  });

  it('rewrites only the pack that holds an article when it is edited', async () => {
    const articles = [...generated(400)];
    const before = await write(articles);
    const edited = articles.map((a, i) =>
      i === 300 ? { ...a, body: { ...a.body, html: `${a.body.html}<p>Исправлено.</p>` } } : a,
    );
    const after = await write(edited);
    // Packs of these small articles hold some hundreds: position 99 is in the first.
    expect(changed(before, after)).toEqual(['/_content/manifest.json', '/_content/packs/0.bin']);
  });

  it('rewrites no later pack when an old article is updated after the newest came out', async () => {
    const articles = [...generated(400)];
    const before = await write(articles);
    const later = '2030-01-01T00:00:00+00:00';
    const edited = articles.map((a, i) => (i === 300 ? { ...a, meta: { ...a.meta, updated: later } } : a));
    const after = await write(edited);
    // Its pack, the newest update before each later pack, its sitemap part, its tags' newest change.
    expect(changed(before, after)).toEqual([
      '/_content/manifest.json',
      '/_content/pack-starts/0.bin',
      '/_content/packs/0.bin',
      '/_content/sitemap/0.txt',
      '/_content/tag-list.json',
    ]);
  });
});
