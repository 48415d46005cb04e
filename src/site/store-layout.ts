/**
 * The content store's layout in static assets: which file holds what, and the
 * sizes that bound every read. Shared by the build, which writes it, and the
 * Worker, which reads it; README ("How it is built") gives the measurements.
 */

/** Articles per pack, in publication order: pack k holds positions [k·PACK_SIZE, (k+1)·PACK_SIZE). */
export const PACK_SIZE = 100;

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
export const packOf = (position: number): number => Math.floor(position / PACK_SIZE);
