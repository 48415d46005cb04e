/** Renders the HTML pages, sitemap and robots.txt to strings, ready for the render cache. */
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ArticleTag } from '../content/types.ts';
import { MIME } from '../http/mime-types.ts';
import type { RenderInput } from '../http/render-cache.ts';
import {
  type ArticleSequence,
  allArticles,
  loadArticle,
  loadMetas,
  loadSitemapPart,
  pagePositions,
  publishedTags,
  siteUpdated,
} from '../site/content-store.ts';
import { newestUpdate } from '../site/newest-update.ts';
import { currentPage, type ListPage } from '../site/pagination.ts';
import { rebaseHtml } from '../site/paths.ts';
import { siteConfig } from '../site/site-config.ts';
import { SITEMAP_PART } from '../site/store-layout.ts';
import { ArticlePage } from './article-page.tsx';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { HomePage } from './home-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import {
  newestLastmod,
  renderRobots,
  renderSitemapIndex,
  renderSitemapOfArticles,
  renderSitemapOfPages,
} from './render-sitemap.ts';
import { TagPage } from './tag-page.tsx';

// Pages link with paths from `paths` (and article bodies with `/articles/…`); a site under a path puts them under it.
const toHtml = async (env: Env, element: JSX.Element, modified?: string): Promise<RenderInput> => ({
  body: rebaseHtml(`<!doctype html>${await element.toString()}`, siteConfig(env).url),
  contentType: MIME.html,
  headers: { 'Content-Security-Policy': await contentSecurityPolicy() },
  ...(modified ? { modified } : {}),
});

const shown = async (env: Env, list: ArticleSequence, page: ListPage) =>
  loadMetas(env.ASSETS, await pagePositions(list, page));

export const renderHomePage = async (env: Env, list: ArticleSequence, page: ListPage): Promise<RenderInput> => {
  const items = await shown(env, list, page);
  return toHtml(env, <HomePage site={siteConfig(env)} articles={items} page={page} />, newestUpdate(items));
};

export const renderTagPage = async (
  env: Env,
  tag: ArticleTag,
  list: ArticleSequence,
  page: ListPage,
): Promise<RenderInput> => {
  const items = await shown(env, list, page);
  return toHtml(env, <TagPage site={siteConfig(env)} tag={tag} articles={items} page={page} />, newestUpdate(items));
};

/** The article at `position`, with its neighbours among the first `count`. */
export const renderArticlePage = async (env: Env, position: number, count: number): Promise<RenderInput> => {
  const { meta, body, older, newer } = await loadArticle(env.ASSETS, position, count);
  return toHtml(
    env,
    <ArticlePage
      site={siteConfig(env)}
      meta={meta}
      body={body}
      {...(older ? { older } : {})}
      {...(newer ? { newer } : {})}
    />,
    meta.updated,
  );
};

export const renderNotFoundPage = (env: Env): Promise<RenderInput> =>
  toHtml(env, <NotFoundPage site={siteConfig(env)} />);

/** The sitemap index of what is published at `now`: the pages part, then the article parts, oldest first. */
export const renderSitemapXml = async (env: Env, count: number, now: number): Promise<RenderInput> => {
  const updated = await siteUpdated(env.ASSETS, now);
  return {
    body: renderSitemapIndex(siteConfig(env), Math.ceil(count / SITEMAP_PART)),
    contentType: MIME.xml,
    ...(updated ? { modified: updated } : {}),
  };
};

/**
 * The home page, with its Last-Modified (the newest change among the articles
 * it shows), and every tag's page that has a published article, with the
 * newest change among its articles.
 */
export const renderSitemapPages = async (env: Env, now: number): Promise<RenderInput> => {
  const list = await allArticles(env.ASSETS, now);
  const page = currentPage(list.count, siteConfig(env).pageSize);
  const [tags, home] = await Promise.all([
    publishedTags(env.ASSETS, now),
    pagePositions(list, page).then((positions) => loadMetas(env.ASSETS, positions)),
  ]);
  const homeUpdated = newestUpdate(home);
  const updated = newestUpdate([
    ...(homeUpdated ? [{ updated: homeUpdated }] : []),
    ...tags.flatMap((tag) => (tag.updated ? [{ updated: tag.updated }] : [])),
  ]);
  return {
    body: renderSitemapOfPages(siteConfig(env), homeUpdated, tags),
    contentType: MIME.xml,
    ...(updated ? { modified: updated } : {}),
  };
};

/** Article part `part` (1-based) of the sitemap, cut at `count` articles. */
export const renderSitemapArticles = async (env: Env, part: number, count: number): Promise<RenderInput> => {
  const start = (part - 1) * SITEMAP_PART;
  const blocks = await loadSitemapPart(env.ASSETS, part - 1, Math.min(count - start, SITEMAP_PART));
  const newest = newestLastmod(blocks);
  return {
    body: renderSitemapOfArticles(siteConfig(env), blocks),
    contentType: MIME.xml,
    ...(newest ? { modified: newest } : {}),
  };
};

export const renderRobotsTxt = async (env: Env): Promise<RenderInput> => ({
  body: renderRobots(siteConfig(env)),
  contentType: MIME.text,
});
