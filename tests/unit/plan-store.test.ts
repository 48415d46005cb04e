import { describe, expect, it } from 'vitest';
import { generatedStoreKeys } from '../../scripts/generate-articles.ts';
import { packFiles, planIndexFiles } from '../../src/content/plan-store.ts';
import { PACK_BYTES, TAG_CHUNK, TAG_TAIL_MIN, type TagRecord } from '../../src/site/store-layout.ts';

/** The free plan's limits on static assets (Cloudflare Workers): files per version, bytes per file. */
const MAX_FILES = 20_000;
const MAX_FILE_BYTES = 25 * 1024 * 1024;
/** What one first render may read: 4 MiB over at most 25 files. */
const MAX_READ_BYTES = 4 * 1024 * 1024;
/** A record of the generated corpus, compressed (README, "Measured sizes": 2.1 KB on average), with a margin. */
const MEAN_RECORD_BYTES = 2.4 * 1024;

/** Every index file planned, with its size, by the kind of file. */
const plan = (count: number) => {
  const kinds = new Map<string, { files: number; largest: number }>();
  for (const { path, content } of planIndexFiles(generatedStoreKeys(count))) {
    const kind = path.split('/')[2]!;
    const entry = kinds.get(kind) ?? { files: 0, largest: 0 };
    entry.files++;
    entry.largest = Math.max(entry.largest, Buffer.byteLength(content));
    kinds.set(kind, entry);
  }
  const packs = packFiles(count, () => MEAN_RECORD_BYTES);
  const files = [...kinds.values()].reduce((sum, kind) => sum + kind.files, 0) + packs.packs + packs.starts + 1;
  return { kinds, files, packs };
};

describe('the store planned for 100,000 articles', () => {
  const { kinds, files, packs } = plan(100_000);

  it('fits the free plan with room for ten times more, every file small', () => {
    expect(kinds.get('slugs')!.files).toBe(1024);
    expect(files).toBeLessThan(MAX_FILES / 5);
    for (const [kind, { largest }] of kinds) expect(largest, kind).toBeLessThan(MAX_FILE_BYTES);
    // A pack is at most PACK_BYTES, unless one article alone is larger; at a million, packs are about ten times as many.
    expect(PACK_BYTES).toBeLessThan(MAX_FILE_BYTES);
    expect(packs.packs * 10 + kinds.get('slugs')!.files + 256 + 2_000).toBeLessThan(MAX_FILES);
  });

  it("keeps each index read small: a slug shard, a tag's entry and chunk, a sitemap part", () => {
    expect(kinds.get('slugs')!.largest).toBeLessThan(16 * 1024);
    expect(kinds.get('tags')!.largest).toBeLessThan(64 * 1024);
    expect(kinds.get('tag-chunks')!.largest).toBeLessThan(40 * 1024);
    expect(kinds.get('sitemap')!.largest).toBeLessThan(1024 * 1024);
  });

  it('lets a tag page whose 20 articles lie in 20 packs read under 4 MiB with its tag entry, two chunks and pack starts', () => {
    const worst =
      20 * PACK_BYTES +
      kinds.get('tags')!.largest +
      2 * kinds.get('tag-chunks')!.largest +
      // A million articles' pack starts are in one file: ten times these.
      10 * packs.largestStarts;
    expect(worst).toBeLessThan(MAX_READ_BYTES);
  });

  it('gives every tag at least the largest page of newest positions in its entry, and immutable chunks of the rest', () => {
    const shards = [...planIndexFiles(generatedStoreKeys(20_000))].filter(({ path }) =>
      path.startsWith('/_content/tags/'),
    );
    const records = shards.flatMap(({ content }) => JSON.parse(content) as TagRecord[]);
    expect(records.length).toBeGreaterThan(20);
    for (const tag of records) {
      expect(tag.tail.length, tag.slug).toBeGreaterThanOrEqual(Math.min(tag.count, TAG_TAIL_MIN));
      expect(tag.tail.length, tag.slug).toBeLessThan(TAG_CHUNK + TAG_TAIL_MIN);
      expect(tag.chunks * TAG_CHUNK + tag.tail.length).toBe(tag.count);
    }
  });
});

// A million articles take some 12 s to plan here, too slow for npm test: `npm run bench -- --plan 1000000` plans them.
