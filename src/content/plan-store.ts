/**
 * Plans the content store's index files (slug shards, tag shards and chunks,
 * the tag list, sitemap parts) from small per-article keys in publication
 * order. Needs no bodies, so a million articles can be planned in seconds.
 */
import {
  PACK_START_BYTES,
  PACK_STARTS_CHUNK,
  planPacks,
  SITEMAP_PART,
  SLUG_SHARDS,
  slugShardOf,
  storePaths,
  TAG_CHUNK,
  TAG_SHARDS,
  TAG_TAIL_MIN,
  type TagRecord,
  tagShardOf,
} from '../site/store-layout.ts';
import { compare } from './compile-articles.ts';
import type { ArticleTag } from './types.ts';

/** What the plan reads of article `position` (0 = the oldest). */
export interface StoreKeys {
  count: number;
  slug: (position: number) => string;
  /** ISO 8601, as the sitemap shows it. */
  updated: (position: number) => string;
  /** The same instant in epoch ms: compared for every article, written out for few. */
  updatedMs: (position: number) => number;
  tags: (position: number) => readonly ArticleTag[];
}

export interface PlannedFile {
  path: string;
  content: string;
}

/** How many full chunks a tag with `count` articles keeps apart from its directory entry. */
export const tagChunks = (count: number): number => Math.max(0, Math.floor((count - TAG_TAIL_MIN) / TAG_CHUNK));

/** The files that hold the records of `count` articles: packs (planned on each record's compressed bytes) and their start chunks. */
export const packFiles = (
  count: number,
  recordBytes: (position: number) => number,
): { packs: number; starts: number; largestStarts: number } => {
  const packs = planPacks(count, recordBytes).length;
  return {
    packs,
    starts: Math.ceil(packs / PACK_STARTS_CHUNK),
    largestStarts: PACK_START_BYTES * Math.min(packs, PACK_STARTS_CHUNK),
  };
};

/**
 * Every index file, one at a time. A tag is named as its oldest article spells
 * it, so that a new article with another spelling ("Экономика", "экономика")
 * changes no page that is already archived.
 */
export function* planIndexFiles(keys: StoreKeys): Generator<PlannedFile> {
  // Positions, not lines: a million lines held at once were a hundred megabytes; a shard's are made when it is written.
  const slugShards: number[][] = Array.from({ length: SLUG_SHARDS }, () => []);
  const postings = new Map<string, number[]>();
  const names = new Map<string, string>();
  // Each tag's newest change: its instant, and the position of the article that has it.
  const updated = new Map<string, [number, number]>();
  for (let position = 0; position < keys.count; position++) {
    const slug = keys.slug(position);
    const changedAt = keys.updatedMs(position);
    if (/[\t\n]/.test(slug)) throw new Error(`slug ${JSON.stringify(slug)} holds a tab or a line break`);
    slugShards[slugShardOf(slug)]!.push(position);
    for (const tag of keys.tags(position)) {
      let list = postings.get(tag.slug);
      if (!list) {
        list = [];
        postings.set(tag.slug, list);
        names.set(tag.slug, tag.name);
      }
      // Two spellings of one tag on one article count once.
      if (list.at(-1) !== position) list.push(position);
      const known = updated.get(tag.slug);
      if (!known || changedAt > known[0]) updated.set(tag.slug, [changedAt, position]);
    }
  }

  for (let shard = 0; shard < SLUG_SHARDS; shard++) {
    const positions = slugShards[shard]!;
    slugShards[shard] = [];
    if (positions.length === 0) continue;
    const lines = positions.map((position) => `${keys.slug(position)}\t${position}\n`);
    yield { path: storePaths.slugShard(shard), content: lines.sort(compare).join('') };
  }

  const tagSlugs = [...postings.keys()].sort(compare);
  const tagShards: TagRecord[][] = Array.from({ length: TAG_SHARDS }, () => []);
  for (const slug of tagSlugs) {
    const list = postings.get(slug)!;
    const chunks = tagChunks(list.length);
    for (let chunk = 0; chunk < chunks; chunk++) {
      yield {
        path: storePaths.tagChunk(slug, chunk),
        content: JSON.stringify(list.slice(chunk * TAG_CHUNK, (chunk + 1) * TAG_CHUNK)),
      };
    }
    tagShards[tagShardOf(slug)]!.push({
      slug,
      name: names.get(slug)!,
      count: list.length,
      first: list[0]!,
      chunks,
      tail: list.slice(chunks * TAG_CHUNK),
    });
  }
  for (let shard = 0; shard < TAG_SHARDS; shard++) {
    const records = tagShards[shard]!;
    if (records.length > 0) yield { path: storePaths.tagShard(shard), content: JSON.stringify(records) };
  }
  yield {
    path: storePaths.tagList,
    content: JSON.stringify(
      tagSlugs.map((slug) => {
        const list = postings.get(slug)!;
        return [slug, names.get(slug)!, list[0]!, list.at(-1)!, keys.updated(updated.get(slug)![1])];
      }),
    ),
  };

  for (let part = 0; part * SITEMAP_PART < keys.count; part++) {
    let content = '';
    const end = Math.min(keys.count, (part + 1) * SITEMAP_PART);
    for (let position = part * SITEMAP_PART; position < end; position++)
      content += `${keys.slug(position)}\t${keys.updated(position)}\n`;
    yield { path: storePaths.sitemapPart(part), content };
  }
}
