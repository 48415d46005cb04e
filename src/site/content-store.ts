/** The Worker's view of the compiled content: the index in the script, bodies from static assets. */
import type { ArticleBody, ArticleMeta, ContentIndex, TagEntry } from '../content/types.ts';
// JSON written by scripts/build-content.ts; a Text module (wrangler's rule for *.txt), parsed once per isolate.
import contentIndexJson from '../generated/content-index.txt';
import { newestUpdate } from './newest-update.ts';
import { paths } from './paths.ts';
import {
  nextChange,
  nextPublication,
  publishedCount,
  type Timeline,
  type TimeWindow,
  windowRange,
} from './publication.ts';

const contentIndex = JSON.parse(contentIndexJson) as ContentIndex;

/** Newest first, scheduled articles included: what is published at an instant is chosen below. */
export const articles: readonly ArticleMeta[] = contentIndex.articles;

// Publication times, newest first, each parsed on first use: a request reads a few
// (binary searches), so start-up parses none (10,000 Date.parse calls cost about 5 ms).
const times = new Float64Array(articles.length).fill(Number.NaN);
const timeAt = (position: number): number => {
  let time = times[position]!;
  if (Number.isNaN(time)) {
    time = Date.parse(articles[position]!.published);
    times[position] = time;
  }
  return time;
};

/** The whole site's articles in the order publication.ts counts them: from the oldest. */
export const siteTimeline: Timeline = {
  count: articles.length,
  publishedAt: (i) => timeAt(articles.length - 1 - i),
};

const isPublished = (position: number, now: number): boolean => timeAt(position) <= now;

const positions = new Map(articles.map((article, position) => [article.slug, position]));

/** The article at this slug if it is published at `now`: a scheduled one is as unknown as a slug that never was. */
export const findArticle = (slug: string, now: number): ArticleMeta | undefined => {
  const position = positions.get(slug);
  return position === undefined || !isPublished(position, now) ? undefined : articles[position];
};

/** The published articles just before and just after this one, at `now`. */
export const neighbours = (meta: ArticleMeta, now: number): { older?: ArticleMeta; newer?: ArticleMeta } => {
  const position = positions.get(meta.slug) ?? -1;
  const older = articles[position + 1];
  const newer = position > 0 && isPublished(position - 1, now) ? articles[position - 1] : undefined;
  return { ...(older ? { older } : {}), ...(newer ? { newer } : {}) };
};

/** When this article's page next changes after `now`: when the article after it comes out, if it is the newest. */
export const articleChangesAt = (meta: ArticleMeta, now: number): number | undefined => {
  const position = positions.get(meta.slug) ?? 0;
  return position > 0 && !isPublished(position - 1, now) ? timeAt(position - 1) : undefined;
};

/** Every tag, including those whose articles are all scheduled. */
export const tags: readonly TagEntry[] = contentIndex.tags;

/**
 * The newest change among the articles published at `now` (ISO 8601), if any: the build's
 * figure when nothing is scheduled, else the newest among those out (an older article may
 * have been updated later, so it is a maximum, not the first's).
 */
export const siteUpdated = (now: number): string | undefined => {
  const count = publishedCount(siteTimeline, now);
  return count === articles.length ? contentIndex.updated : newestUpdate(articles.slice(articles.length - count));
};

const tagsBySlug = new Map(tags.map((tag) => [tag.slug, tag]));

/** A tag's articles counted from the oldest, as publication.ts reads them. */
export const tagTimeline = (tag: TagEntry): Timeline => ({
  count: tag.articles.length,
  publishedAt: (i) => timeAt(tag.articles[tag.articles.length - 1 - i]!),
});

/** A tag exists at `now` when one of its articles is published: before that, its URLs are unknown ones. */
const tagIsPublished = (tag: TagEntry, now: number): boolean => isPublished(tag.articles.at(-1)!, now);

export const findTag = (slug: string, now: number): TagEntry | undefined => {
  const tag = tagsBySlug.get(slug);
  return tag && tagIsPublished(tag, now) ? tag : undefined;
};

/** The tags that have a published article at `now`, ordered by name. */
export const publishedTags = (now: number): TagEntry[] => tags.filter((tag) => tagIsPublished(tag, now));

/**
 * A list of articles to page through as published at an instant: the whole
 * site, or one tag. `count` is its published cut, which cache keys carry.
 */
export interface ArticleSequence {
  count: number;
  /** Names what the list shows at this instant (its published cut): render cache keys end in it. */
  key: string;
  slice: (start: number, end: number) => ArticleMeta[];
  /** The next instant this list shows something else, if one is due. */
  changesAt?: number;
}

/**
 * The site's articles published at `now`, newest first; with a window, only
 * those of its last days (aggregator feeds), which then also change when the
 * oldest leaves. Its `count` is then the window's, and its key names both edges.
 */
export const allArticles = (now: number, window?: TimeWindow): ArticleSequence => {
  const { start, end } = window
    ? windowRange(siteTimeline, now, window)
    : { start: 0, end: publishedCount(siteTimeline, now) };
  const count = end - start;
  const skipped = articles.length - end;
  const changesAt = nextChange(siteTimeline, now, window);
  return {
    count,
    key: window ? `${start}-${end}` : `${end}`,
    slice: (from, to) => articles.slice(skipped + from, skipped + Math.min(to, count)),
    ...(changesAt === undefined ? {} : { changesAt }),
  };
};

/** A tag's articles published at `now`, newest first. */
export const tagArticles = (tag: TagEntry, now: number): ArticleSequence => {
  const timeline = tagTimeline(tag);
  const count = publishedCount(timeline, now);
  const scheduled = tag.articles.length - count;
  const changesAt = nextChange(timeline, now);
  return {
    count,
    key: `${count}`,
    slice: (start, end) =>
      tag.articles.slice(scheduled + start, scheduled + Math.min(end, count)).map((position) => articles[position]!),
    ...(changesAt === undefined ? {} : { changesAt }),
  };
};

/** When the site next publishes after `now`: the moment any URL may start to answer differently. */
export const nextSitePublication = (now: number): number | undefined => nextPublication(siteTimeline, now);

// The assets binding ignores the host; any origin will do.
const ASSET_ORIGIN = 'https://assets.invalid';

export const loadBody = async (assets: Fetcher, id: string): Promise<ArticleBody> => {
  const response = await assets.fetch(`${ASSET_ORIGIN}${paths.articleBody(id)}`);
  if (!response.ok) throw new Error(`article body ${id} missing from static assets (${response.status})`);
  return response.json<ArticleBody>();
};

export const loadBodies = (assets: Fetcher, metas: readonly ArticleMeta[]): Promise<ArticleBody[]> =>
  Promise.all(metas.map((meta) => loadBody(assets, meta.id)));
