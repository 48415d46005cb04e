/** Renders the HTML pages, sitemap and robots.txt to strings, ready for the render cache. */
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ArticleMeta, TagEntry } from '../content/types.ts';
import { MIME } from '../http/mime-types.ts';
import type { RenderInput } from '../http/render-cache.ts';
import {
  type ArticleSequence,
  allArticles,
  loadBody,
  publishedTags,
  siteUpdated,
  tagArticles,
} from '../site/content-store.ts';
import { newestUpdate } from '../site/newest-update.ts';
import type { Page } from '../site/pagination.ts';
import { rebaseHtml } from '../site/paths.ts';
import { siteConfig } from '../site/site-config.ts';
import { ArticlePage } from './article-page.tsx';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { HomePage } from './home-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { renderRobots, renderSitemap } from './render-sitemap.ts';
import { TagPage } from './tag-page.tsx';

// Pages link with paths from `paths` (and article bodies with `/articles/…`); a site under a path puts them under it.
const toHtml = async (env: Env, element: JSX.Element, modified?: string): Promise<RenderInput> => ({
  body: rebaseHtml(`<!doctype html>${await element.toString()}`, siteConfig(env).url),
  contentType: MIME.html,
  headers: { 'Content-Security-Policy': await contentSecurityPolicy() },
  ...(modified ? { modified } : {}),
});

const shown = (list: ArticleSequence, page: Page) => list.slice(page.start, page.end);

export const renderHomePage = (env: Env, list: ArticleSequence, page: Page): Promise<RenderInput> => {
  const items = shown(list, page);
  return toHtml(env, <HomePage site={siteConfig(env)} articles={items} page={page} />, newestUpdate(items));
};

export const renderTagPage = (env: Env, tag: TagEntry, list: ArticleSequence, page: Page): Promise<RenderInput> => {
  const items = shown(list, page);
  return toHtml(env, <TagPage site={siteConfig(env)} tag={tag} articles={items} page={page} />, newestUpdate(items));
};

export const renderArticlePage = async (
  env: Env,
  meta: ArticleMeta,
  around: { older?: ArticleMeta; newer?: ArticleMeta },
): Promise<RenderInput> => {
  const body = await loadBody(env.ASSETS, meta.id);
  return toHtml(env, <ArticlePage site={siteConfig(env)} meta={meta} body={body} {...around} />, meta.updated);
};

export const renderNotFoundPage = (env: Env): Promise<RenderInput> =>
  toHtml(env, <NotFoundPage site={siteConfig(env)} />);

/** The sitemap of what is published at `now`: its articles, and the tags that have one. */
export const renderSitemapXml = async (env: Env, now: number): Promise<RenderInput> => {
  const site = siteConfig(env);
  const list = allArticles(now);
  const tags = publishedTags(now).map((tag) => ({
    slug: tag.slug,
    // A listing's lastmod is its page's Last-Modified: the newest change among what its first page shows.
    lastmod: newestUpdate(tagArticles(tag, now).slice(0, site.pageSize)),
  }));
  const updated = siteUpdated(now);
  return {
    body: renderSitemap(site, list.slice(0, list.count), tags),
    contentType: MIME.xml,
    ...(updated ? { modified: updated } : {}),
  };
};

export const renderRobotsTxt = async (env: Env): Promise<RenderInput> => ({
  body: renderRobots(siteConfig(env)),
  contentType: MIME.text,
});
