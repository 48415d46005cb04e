/**
 * The Worker's view of the content store (src/site/store-layout.ts): articles
 * by position (0 = the oldest), found by slug or tag, as published at an
 * instant, read from static assets a few files per request. Nothing here is
 * parsed at start-up, and nothing read grows with the number of articles.
 *
 * Articles are in publication order, so those published at an instant are a
 * prefix: `publishedCount` names it, and a list's published cut is its count
 * of articles inside that prefix (site/publication.ts has the same rules for
 * lists held in memory).
 */
import type { ArticleBody, ArticleMeta, ArticleTag } from '../content/types.ts';
import { assetReader, decodeBlocks, linesLength } from './asset-reader.ts';
import {
  BODY_PARTS,
  type BodyPart,
  inflateSegments,
  Pack,
  type PackWants,
  packBytesFor,
  type StoredBody,
} from './pack-format.ts';
import { earliest, type TimeWindow } from './publication.ts';
import {
  lastAtOrBefore,
  PACK_START_BYTES,
  PACK_STARTS_CHUNK,
  type StoreManifest,
  slugShardOf,
  storePaths,
  TAG_CHUNK,
  type TagRecord,
  tagShardOf,
} from './store-layout.ts';

export type { BodyPart, StoredBody } from './pack-format.ts';
export type { TagRecord } from './store-layout.ts';

/** An article as read for a list of items: its body as far as asked for. */
export interface StoreEntry {
  meta: ArticleMeta;
  body: StoredBody;
}

export const readManifest = (assets: Fetcher): Promise<StoreManifest> =>
  assetReader(assets).json<StoreManifest>(storePaths.manifest);

/** Every article in the store, scheduled ones included. */
export const articleCount = async (assets: Fetcher): Promise<number> => (await readManifest(assets)).count;

/** A pack, read from its start as far as `wants` needs: its header and dates alone if nothing more. */
const readPack = async (assets: Fetcher, pack: number, wants: PackWants = []): Promise<Pack> =>
  new Pack(await assetReader(assets).prefix(storePaths.pack(pack), (head) => packBytesFor(head, wants)));

const readPackStarts = async (assets: Fetcher, chunk: number): Promise<DataView> =>
  new DataView(await assetReader(assets).bytes(storePaths.packStarts(chunk)));

/** A pack's entry among the pack starts: its first position, and the newest update among all articles before it. */
const packEntry = async (assets: Fetcher, pack: number): Promise<{ start: number; updatedBefore: number }> => {
  const starts = await readPackStarts(assets, Math.floor(pack / PACK_STARTS_CHUNK));
  const at = (pack % PACK_STARTS_CHUNK) * PACK_START_BYTES;
  return { start: starts.getUint32(at + 8, true), updatedBefore: starts.getFloat64(at, true) };
};

/**
 * The pack that holds each position, and its record's index there: the manifest's chunk list, then the
 * chunks of pack starts they fall in, each awaited once for all of them (a feed page locates 20).
 */
const locateAll = async (assets: Fetcher, positions: readonly number[]): Promise<{ pack: number; index: number }[]> => {
  const { packChunks } = await readManifest(assets);
  const located = positions.map((position) => {
    const chunk = lastAtOrBefore(packChunks.length, (i) => packChunks[i]!, position);
    if (chunk < 0) throw new RangeError(`no article at position ${position}`);
    return { position, chunk };
  });
  const starts = new Map(
    await Promise.all(
      [...new Set(located.map(({ chunk }) => chunk))].map(
        async (chunk) => [chunk, await readPackStarts(assets, chunk)] as const,
      ),
    ),
  );
  return located.map(({ position, chunk }) => {
    const view = starts.get(chunk)!;
    const start = (i: number) => view.getUint32(i * PACK_START_BYTES + 8, true);
    const i = lastAtOrBefore(view.byteLength / PACK_START_BYTES, start, position);
    return { pack: chunk * PACK_STARTS_CHUNK + i, index: position - start(i) };
  });
};

/** The pack that holds `position`, and its record's index there. */
const locate = async (assets: Fetcher, position: number): Promise<{ pack: number; index: number }> =>
  (await locateAll(assets, [position]))[0]!;

/** The publication time (epoch ms) of the article at `position`, from its pack's header. */
export const publishedAt = async (assets: Fetcher, position: number): Promise<number> => {
  const { pack, index } = await locate(assets, position);
  return (await readPack(assets, pack)).published(index);
};

/** The first index in [low, high) at which `after(index)` holds, or `high`: `after` must be monotonic. */
const firstWhere = async (low: number, high: number, after: (index: number) => Promise<boolean>): Promise<number> => {
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (await after(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
};

/**
 * How many articles are published at `instant` (epoch ms): those dated at or
 * before it. Without scheduled articles this reads nothing (the manifest holds
 * the newest date); with some, it searches back from the newest pack, doubling
 * its step, then within a pack's header (dates are kept outside records).
 */
export const publishedCount = async (assets: Fetcher, instant: number): Promise<number> => {
  const { count, newestPublished, packs } = await readManifest(assets);
  if (newestPublished === null || instant >= newestPublished) return count;
  const firstDate = async (pack: number) => (await readPack(assets, pack)).published(0);
  // Gallop back from the newest pack to one whose first article is published:
  // scheduled articles are few, so this is one or two reads.
  let high = packs;
  let low = 0;
  for (let pack = high - 1, step = 1; pack >= 0; pack -= step, step *= 2) {
    if ((await firstDate(pack)) <= instant) {
      low = pack;
      break;
    }
    high = pack;
  }
  // The last pack whose first article is published, then the cut within it.
  const last = (await firstWhere(low, high, async (pack) => (await firstDate(pack)) > instant)) - 1;
  if (last < 0) return 0;
  const pack = await readPack(assets, last);
  return (
    (await packEntry(assets, last)).start + (await firstWhere(0, pack.count, async (i) => pack.published(i) > instant))
  );
};

/** When the site next publishes after `now`: the moment any URL may start to answer differently. */
export const nextSitePublication = async (assets: Fetcher, now: number): Promise<number | undefined> => {
  const [published, count] = await Promise.all([publishedCount(assets, now), articleCount(assets)]);
  return published < count ? publishedAt(assets, published) : undefined;
};

/**
 * The newest change among the articles published at `now` (ISO 8601), if any:
 * the build's figure when nothing is scheduled, else the newest before the
 * pack the cut falls in (kept with the pack starts) or in that pack up to the
 * cut (an older article may have been updated later than the newest came out).
 */
export const siteUpdated = async (assets: Fetcher, now: number): Promise<string | undefined> => {
  const [manifest, published] = await Promise.all([readManifest(assets), publishedCount(assets, now)]);
  if (published === manifest.count) return manifest.updated;
  if (published === 0) return undefined;
  const { pack, index } = await locate(assets, published - 1);
  const [records, { updatedBefore }] = await Promise.all([readPack(assets, pack), packEntry(assets, pack)]);
  let newest = updatedBefore;
  for (let i = 0; i <= index; i++) newest = Math.max(newest, records.updated(i));
  return new Date(newest).toISOString();
};

/** The position of the article with this slug if it is published at `now`: a scheduled one is as unknown as a slug that never was. */
export const findArticle = async (assets: Fetcher, slug: string, now: number): Promise<number | undefined> => {
  const shard = await assetReader(assets).text(storePaths.slugShard(slugShardOf(slug)), true);
  if (shard === undefined) return undefined;
  // Lines of "slug\tposition\n": a slug never holds a tab or a line break.
  const key = `${slug}\t`;
  const at = shard.startsWith(key) ? 0 : shard.indexOf(`\n${key}`) + 1;
  if (at === 0 && !shard.startsWith(key)) return undefined;
  const position = Number(shard.slice(at + key.length, shard.indexOf('\n', at)));
  return position < (await publishedCount(assets, now)) ? position : undefined;
};

/** When the page of the article at `position` next changes after `now`: when the one after it comes out, if that is scheduled. */
export const articleChangesAt = async (assets: Fetcher, position: number, now: number): Promise<number | undefined> => {
  const [published, count] = await Promise.all([publishedCount(assets, now), articleCount(assets)]);
  return position + 1 === published && published < count ? publishedAt(assets, published) : undefined;
};

/** The compressed segments of these positions (bodies up to `upTo`, none if undefined), read a pack at a time. */
const readRecords = async (
  assets: Fetcher,
  positions: readonly number[],
  upTo?: BodyPart,
): Promise<{ meta: Uint8Array; body: Uint8Array[] }[]> => {
  const places = await locateAll(assets, positions);
  // Each pack read once, as far as its last record asked for.
  const read = new Map(
    await Promise.all(
      [...Map.groupBy(places, ({ pack }) => pack)].map(async ([pack, inPack]) => {
        const wants = inPack.map(({ index }) => ({ index, upTo }));
        return [pack, await readPack(assets, pack, wants)] as const;
      }),
    ),
  );
  return places.map(({ pack, index }) => read.get(pack)!.record(index, upTo));
};

/** A body from the JSON lines of its parts: later parts add their fields. */
const parseBody = (lines: readonly string[]): StoredBody =>
  Object.assign(JSON.parse(lines[0]!) as StoredBody, ...lines.slice(1).map((line) => JSON.parse(line) as object));

/**
 * Metas and bodies of these positions, in the order given, in one inflate: bodies up to `upTo`
 * (a feed item needs 'feed'; its plain text is 'text'), the rest of each body left compressed.
 */
export const loadEntries = async (
  assets: Fetcher,
  positions: readonly number[],
  upTo: BodyPart,
): Promise<StoreEntry[]> => {
  const records = await readRecords(assets, positions, upTo);
  const parts = BODY_PARTS.indexOf(upTo) + 1;
  const lines = inflateSegments(
    records.flatMap(({ meta, body }) => [meta, ...body]),
    records.length * (1 + parts),
  );
  return records.map((_, i) => {
    const at = i * (1 + parts);
    return { meta: JSON.parse(lines[at]!) as ArticleMeta, body: parseBody(lines.slice(at + 1, at + 1 + parts)) };
  });
};

/** Metas of these positions, in the order given: their bodies are not inflated. */
export const loadMetas = async (assets: Fetcher, positions: readonly number[]): Promise<ArticleMeta[]> =>
  inflateSegments((await readRecords(assets, positions)).map(({ meta }) => meta)).map(
    (line) => JSON.parse(line) as ArticleMeta,
  );

/**
 * The article at `position`, its whole body, with the metas of its neighbours among the first
 * `published` (the older one, then the newer), in one inflate: the neighbours' bodies stay compressed.
 */
export const loadArticle = async (
  assets: Fetcher,
  position: number,
  published: number,
): Promise<{ meta: ArticleMeta; body: ArticleBody; older?: ArticleMeta; newer?: ArticleMeta }> => {
  const [older, newer] = [position - 1, position + 1].map((p) => (p >= 0 && p < published ? p : undefined));
  const around = [older, newer].filter((p) => p !== undefined);
  const [[own], neighbours] = await Promise.all([readRecords(assets, [position], 'page'), readRecords(assets, around)]);
  const segments = [own!.meta, ...own!.body, ...neighbours.map((r) => r.meta)];
  const [meta, ...rest] = inflateSegments(segments, 1 + BODY_PARTS.length + neighbours.length);
  const metas = rest.slice(BODY_PARTS.length).map((line) => JSON.parse(line) as ArticleMeta);
  return {
    meta: JSON.parse(meta!) as ArticleMeta,
    body: parseBody(rest.slice(0, BODY_PARTS.length)) as ArticleBody,
    ...(older !== undefined ? { older: metas[0]! } : {}),
    ...(newer !== undefined ? { newer: metas.at(-1)! } : {}),
  };
};

/** A tag exists at `now` once one of its articles is published: before that, its URLs are unknown ones. */
export const findTag = async (assets: Fetcher, slug: string, now: number): Promise<TagRecord | undefined> => {
  const shard = await assetReader(assets).json<TagRecord[]>(storePaths.tagShard(tagShardOf(slug)), true);
  const tag = shard?.find((candidate) => candidate.slug === slug);
  return tag && tag.first < (await publishedCount(assets, now)) ? tag : undefined;
};

/** A tag of the list: its slug and name, and when it has every article out, its newest change. */
export interface ListedTag extends ArticleTag {
  updated?: string;
}

/**
 * The tags that have a published article at `now`, by slug. A tag with
 * articles still scheduled gives no date of change: the build's figure may be
 * a scheduled article's, which must not show before its time.
 */
export const publishedTags = async (assets: Fetcher, now: number): Promise<ListedTag[]> => {
  const [list, published] = await Promise.all([
    assetReader(assets).json<[string, string, number, number, string][]>(storePaths.tagList),
    publishedCount(assets, now),
  ]);
  return list
    .filter(([, , first]) => first < published)
    .map(([slug, name, , last, updated]) => ({ slug, name, ...(last < published ? { updated } : {}) }));
};

/** Positions of the tag's articles [start, end) in its own order, oldest first. */
const tagPositions = async (assets: Fetcher, tag: TagRecord, start: number, end: number): Promise<number[]> => {
  const tailStart = tag.chunks * TAG_CHUNK;
  const parts: Promise<number[]>[] = [];
  for (let chunk = Math.floor(start / TAG_CHUNK); chunk < tag.chunks && chunk * TAG_CHUNK < end; chunk++) {
    const offset = chunk * TAG_CHUNK;
    parts.push(
      assetReader(assets)
        .json<number[]>(storePaths.tagChunk(tag.slug, chunk))
        .then((list) => list.slice(Math.max(0, start - offset), end - offset)),
    );
  }
  if (end > tailStart) parts.push(Promise.resolve(tag.tail.slice(Math.max(0, start - tailStart), end - tailStart)));
  return (await Promise.all(parts)).flat();
};

/**
 * A list of articles to page through as published at an instant: the whole
 * site, or one tag. Indices count from the list's oldest.
 */
export interface ArticleSequence {
  count: number;
  /** Names what the list shows at this instant (its published cut): render cache keys end in it. */
  key: string;
  /** Store positions of the list's articles [start, end), oldest first. */
  positions: (start: number, end: number) => Promise<number[]>;
  /** The next instant this list shows something else, if one is due. */
  changesAt?: number;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/**
 * The site's articles published at `now`; with a window, only those of its
 * last days (aggregator feeds), which then also change when the oldest leaves.
 */
export const allArticles = async (assets: Fetcher, now: number, window?: TimeWindow): Promise<ArticleSequence> => {
  const [end, total] = await Promise.all([publishedCount(assets, now), articleCount(assets)]);
  const start = window ? Math.min(end, await publishedCount(assets, now - window.ms)) : 0;
  const publication = end < total ? await publishedAt(assets, end) : undefined;
  const exit = window && start < end ? (await publishedAt(assets, start)) + window.ms : undefined;
  const changesAt = earliest(publication, exit);
  return {
    count: end - start,
    key: window ? `${start}-${end}` : `${end}`,
    positions: async (from, to) => range(start + Math.max(0, from), start + Math.min(to, end - start)),
    ...(changesAt === undefined ? {} : { changesAt }),
  };
};

/** A tag's articles published at `now`. */
export const tagArticles = async (assets: Fetcher, tag: TagRecord, now: number): Promise<ArticleSequence> => {
  const published = await publishedCount(assets, now);
  const at = (i: number) => tagPositions(assets, tag, i, i + 1).then(([position]) => position!);
  // Only a publication cut hides some of a tag's articles: its newest.
  const count =
    tag.tail.at(-1)! < published ? tag.count : await firstWhere(0, tag.count, async (i) => (await at(i)) >= published);
  const changesAt = count < tag.count ? await publishedAt(assets, await at(count)) : undefined;
  return {
    count,
    key: `${count}`,
    positions: (start, end) => tagPositions(assets, tag, start, Math.min(end, count)),
    ...(changesAt === undefined ? {} : { changesAt }),
  };
};

/** The store positions of a page of a list, newest first, as lists and feeds show them. */
export const pagePositions = async (list: ArticleSequence, page: { start: number; end: number }): Promise<number[]> =>
  (await list.positions(page.start, page.end)).reverse();

/** The positions of the articles published in (from, to]: what a span of time brought out. */
export const publishedBetween = async (assets: Fetcher, from: number, to: number): Promise<number[]> => {
  const [a, b] = await Promise.all([publishedCount(assets, from), publishedCount(assets, to)]);
  return range(a, b);
};

/**
 * The lines "slug\tupdated\n" of the first `count` articles of sitemap part `part` (0-based), oldest first,
 * as text in blocks of whole lines (decodeBlocks).
 */
export const loadSitemapPart = async (assets: Fetcher, part: number, count: number): Promise<string[]> => {
  const bytes = new Uint8Array(await assetReader(assets).bytes(storePaths.sitemapPart(part)));
  return decodeBlocks(bytes.subarray(0, linesLength(bytes, count)));
};
