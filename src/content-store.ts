/** The Worker's view of the compiled content: the index in the script, bodies from static assets. */
import type { ArticleBody, ArticleMeta } from './content/types.ts';
import { contentIndex } from './generated/content-index.ts';
import { paths } from './paths.ts';

/** Newest first. */
export const articles: readonly ArticleMeta[] = contentIndex.articles;

/** Changes whenever any compiled output does: part of every cache key and ETag. */
export const contentVersion = contentIndex.version;

const bySlug = new Map(articles.map((article) => [article.slug, article]));

export const findArticle = (slug: string): ArticleMeta | undefined => bySlug.get(slug);

// The assets binding ignores the host; any origin will do.
const ASSET_ORIGIN = 'https://assets.invalid';

export const loadBody = async (assets: Fetcher, id: string): Promise<ArticleBody> => {
  const response = await assets.fetch(`${ASSET_ORIGIN}${paths.articleBody(id)}`);
  if (!response.ok) throw new Error(`article body ${id} missing from static assets (${response.status})`);
  return response.json<ArticleBody>();
};

export const loadBodies = (assets: Fetcher, metas: readonly ArticleMeta[]): Promise<ArticleBody[]> =>
  Promise.all(metas.map((meta) => loadBody(assets, meta.id)));
