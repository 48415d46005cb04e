/**
 * The content store's layout in static assets: which file holds what, and the
 * sizes that bound every read. Shared by the build, which writes it, and the
 * Worker, which reads it; README ("How it is built") gives the measurements.
 */

import { PACK_HEADER_BYTES, PACK_RECORD_OVERHEAD } from './pack-format.ts';

/**
 * A pack's size in bytes, at most, unless one article alone is larger. Packs hold
 * consecutive positions in publication order, filled in turn: a pack is closed
 * when the next article would take it past this, so only the newest pack ever
 * changes as articles are added. A tag page whose 20 articles lie in 20 packs
 * reads from 20 packs (static assets have no Range: at worst, each whole), so 20
 * of these, with a tag's entry, two chunks and a pack-start chunk, stay under 4 MiB.
 */
export const PACK_BYTES = 180 * 1024;

/** Articles per pack, at most, however small: bounds a pack's header. */
export const PACK_MAX = 1024;

// A pack's bytes beyond its records' segments, for planning: pack-format.ts has the format.
export { PACK_HEADER_BYTES, PACK_RECORD_OVERHEAD };

/**
 * Where packs begin, this many packs to a file: for each pack, the newest update
 * among all articles before it (f64, epoch ms; −∞ for the first) and its first
 * position (u32), little-endian, 12 bytes. At a million articles of generated
 * size, one file of about 140 KB. Publishing into the newest pack changes no
 * entry; opening a pack adds one; editing an article's date of update changes
 * the entries after its pack, in this one file, and no other pack.
 */
export const PACK_STARTS_CHUNK = 16_384;
export const PACK_START_BYTES = 12;

/** Slug → position, hashed into a fixed number of shards, so that adding an article rewrites one. */
export const SLUG_SHARDS = 1024;

/** Tag → its directory entry (name, count, newest positions), hashed likewise. */
export const TAG_SHARDS = 256;

/** A tag's older positions, in immutable chunks of this many. */
export const TAG_CHUNK = 4096;

/**
 * A tag's directory entry keeps at least this many of its newest positions (the
 * largest FEED_PAGE_SIZE), so that its subscription feed never reads a chunk.
 */
export const TAG_TAIL_MIN = 100;

/** Article URLs per sitemap file: sitemaps.org allows 50,000; 2,000 (about 350 KB) render in about a millisecond. */
export const SITEMAP_PART = 2000;

/** What the build knows of the whole store: read once per isolate, constant in size. */
export interface StoreManifest {
  /** Articles in the store, drafts left out. */
  count: number;
  /** Epoch ms of the newest article's publication, or null for an empty store. */
  newestPublished: number | null;
  /** The newest `updated` of all articles, as written (ISO 8601); absent for an empty store. */
  updated?: string;
  /** Hash of every file in the store. */
  version: string;
  /** Packs in the store. */
  packs: number;
  /** The first position of each pack-start chunk: chunk m holds the first positions of packs [m·PACK_STARTS_CHUNK, …). */
  packChunks: number[];
}

/** A tag's entry in its shard. */
export interface TagRecord {
  slug: string;
  name: string;
  /** Articles with this tag. */
  count: number;
  /** The position of its oldest article: the tag exists once that one is published. */
  first: number;
  /** Full chunks of older positions: chunk k holds the tag's positions [k·TAG_CHUNK, (k+1)·TAG_CHUNK). */
  chunks: number;
  /** The tag's positions from chunks·TAG_CHUNK on, oldest first. */
  tail: number[];
}

const ROOT = '/_content';

export const storePaths = {
  manifest: `${ROOT}/manifest.json`,
  pack: (pack: number) => `${ROOT}/packs/${pack}.bin`,
  packStarts: (chunk: number) => `${ROOT}/pack-starts/${chunk}.bin`,
  slugShard: (shard: number) => `${ROOT}/slugs/${shard}.txt`,
  tagShard: (shard: number) => `${ROOT}/tags/${shard}.json`,
  tagChunk: (slug: string, chunk: number) => `${ROOT}/tag-chunks/${slug}/${chunk}.json`,
  /** Every tag: [slug, name, oldest and newest positions, newest change], for OPML and the sitemap. */
  tagList: `${ROOT}/tag-list.json`,
  sitemapPart: (part: number) => `${ROOT}/sitemap/${part}.txt`,
} as const;

/** FNV-1a, 32 bits, over UTF-16 code units: small, fast, the same in Node and workerd. */
export const hash32 = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

export const slugShardOf = (slug: string): number => hash32(slug) % SLUG_SHARDS;
export const tagShardOf = (slug: string): number => hash32(slug) % TAG_SHARDS;

/**
 * Where packs begin: the first position of each, filled in publication order
 * until the next record would take a pack past PACK_BYTES (or PACK_MAX records).
 * `recordBytes(position)` is the article's two compressed segments.
 */
export const planPacks = (count: number, recordBytes: (position: number) => number): number[] => {
  const starts: number[] = [];
  let bytes = 0;
  let records = 0;
  for (let position = 0; position < count; position++) {
    const size = recordBytes(position) + PACK_RECORD_OVERHEAD;
    if (records === 0 || records === PACK_MAX || PACK_HEADER_BYTES + bytes + size > PACK_BYTES) {
      starts.push(position);
      bytes = 0;
      records = 0;
    }
    bytes += size;
    records++;
  }
  return starts;
};

/** The last index i in [0, count) with `at(i)` ≤ value (−1 if none); `at` must not decrease. */
export const lastAtOrBefore = (count: number, at: (i: number) => number, value: number): number => {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (at(mid) <= value) low = mid + 1;
    else high = mid;
  }
  return low - 1;
};
