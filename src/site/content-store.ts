/** The Worker's view of the compiled content: the index in the script, bodies from static assets. */
import type { ArticleBody, ArticleMeta, ContentIndex, TagEntry } from '../content/types.ts';
// JSON written by scripts/build-content.ts; a Text module (wrangler's rule for *.txt), parsed once per isolate.
import contentIndexJson from '../generated/content-index.txt';
import { paths } from './paths.ts';

const contentIndex = JSON.parse(contentIndexJson) as ContentIndex;

/** Newest first. */
export const articles: readonly ArticleMeta[] = contentIndex.articles;

const positions = new Map(articles.map((article, position) => [article.slug, position]));

export const findArticle = (slug: string): ArticleMeta | undefined => {
  const position = positions.get(slug);
  return position === undefined ? undefined : articles[position];
};

/** The articles published just before and just after this one. */
export const neighbours = (meta: ArticleMeta): { older?: ArticleMeta; newer?: ArticleMeta } => {
  const position = positions.get(meta.slug) ?? -1;
  const older = articles[position + 1];
  const newer = position > 0 ? articles[position - 1] : undefined;
  return { ...(older ? { older } : {}), ...(newer ? { newer } : {}) };
};

export const tags: readonly TagEntry[] = contentIndex.tags;

/** The newest change on the whole site (ISO 8601), if it has articles. */
export const siteUpdated: string | undefined = contentIndex.updated;

const tagsBySlug = new Map(tags.map((tag) => [tag.slug, tag]));

export const findTag = (slug: string): TagEntry | undefined => tagsBySlug.get(slug);

/** A list of articles to page through: the whole site, or one tag. */
export interface ArticleSequence {
  count: number;
  slice: (start: number, end: number) => ArticleMeta[];
}

export const allArticles: ArticleSequence = {
  count: articles.length,
  slice: (start, end) => articles.slice(start, end),
};

export const tagArticles = (tag: TagEntry): ArticleSequence => ({
  count: tag.articles.length,
  slice: (start, end) => tag.articles.slice(start, end).map((position) => articles[position]!),
});

// The assets binding ignores the host; any origin will do.
const ASSET_ORIGIN = 'https://assets.invalid';

export const loadBody = async (assets: Fetcher, id: string): Promise<ArticleBody> => {
  const response = await assets.fetch(`${ASSET_ORIGIN}${paths.articleBody(id)}`);
  if (!response.ok) throw new Error(`article body ${id} missing from static assets (${response.status})`);
  return response.json<ArticleBody>();
};

export const loadBodies = (assets: Fetcher, metas: readonly ArticleMeta[]): Promise<ArticleBody[]> =>
  Promise.all(metas.map((meta) => loadBody(assets, meta.id)));
