/** Renders the HTML pages to strings, ready for the render cache. */
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ArticleMeta, TagEntry } from '../content/types.ts';
import { articles, loadBody, tagArticles } from '../content-store.ts';
import { MIME } from '../feeds/mime-types.ts';
import type { RenderInput } from '../render-cache.ts';
import { siteConfig } from '../site-config.ts';
import { ArticlePage } from './article-page.tsx';
import { HomePage } from './home-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { TagPage } from './tag-page.tsx';

const toHtml = async (element: JSX.Element, modified?: string): Promise<RenderInput> => ({
  body: `<!doctype html>${await element.toString()}`,
  contentType: MIME.html,
  ...(modified ? { modified } : {}),
});

export const renderHomePage = (env: Env): Promise<RenderInput> => {
  const site = siteConfig(env);
  const shown = articles.slice(0, site.pageSize);
  return toHtml(<HomePage site={site} articles={shown} />, shown[0]?.updated);
};

export const renderArticlePage = async (env: Env, meta: ArticleMeta): Promise<RenderInput> => {
  const body = await loadBody(env.ASSETS, meta.id);
  return toHtml(<ArticlePage site={siteConfig(env)} meta={meta} body={body} />, meta.updated);
};

export const renderTagPage = (env: Env, tag: TagEntry): Promise<RenderInput> => {
  const site = siteConfig(env);
  const shown = tagArticles(tag).slice(0, site.pageSize);
  return toHtml(<TagPage site={site} tag={tag} articles={shown} />, shown[0]?.updated);
};

export const renderNotFoundPage = (env: Env): Promise<RenderInput> => toHtml(<NotFoundPage site={siteConfig(env)} />);
