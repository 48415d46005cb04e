/** Answers the HTML pages: which article or list, which page, as published at the request's instant, then the rendered bytes. */
import type { AppContext } from '../http/app-env.ts';
import { CACHE_CONTROL } from '../http/cache-policy.ts';
import { MIME } from '../http/mime-types.ts';
import { renderOnce } from '../http/render-cache.ts';
import { sendRendered } from '../http/send-rendered.ts';
import { renderArticlePage, renderHomePage, renderTagPage } from '../pages/render-pages.tsx';
import {
  type ArticleSequence,
  allArticles,
  articleChangesAt,
  findArticle,
  findTag,
  publishedCount,
  tagArticles,
} from '../site/content-store.ts';
import { BAD_PAGE_MESSAGE, type ListPage } from '../site/pagination.ts';
import { paths } from '../site/paths.ts';
import { siteConfig } from '../site/site-config.ts';
import { movedPage, pageKey, requestedPage } from './requested-page.ts';

const badPage = (c: AppContext) =>
  c.text(`${BAD_PAGE_MESSAGE}\n`, 400, { 'Content-Type': MIME.text, 'Cache-Control': CACHE_CONTROL.none });

/** A list's page, unless the request names none: then the answer to send. */
const listPage = (
  c: AppContext,
  list: ArticleSequence,
  archivePath: (page: number) => string,
  currentPath: string,
): ListPage | Response | Promise<Response> => {
  const requested = requestedPage(c, list.count, siteConfig(c.env).pageSize);
  if (requested.kind === 'bad') return badPage(c);
  if (requested.kind === 'missing') return c.notFound();
  if (requested.kind === 'moved') return movedPage(c, requested.archive ? archivePath(requested.archive) : currentPath);
  return requested.page;
};

/** A full archive page never changes; anything else may at the list's next publication. */
const lifetime = (page: ListPage, list: ArticleSequence) =>
  page.full ? { policy: 'archive' as const } : { changesAt: list.changesAt };

/** `/` (the newest articles) and `/archive/<n>`. */
export const serveHome = async (c: AppContext): Promise<Response> => {
  const list = await allArticles(c.env.ASSETS, c.var.now);
  const page = listPage(c, list, (n) => paths.archive(n), paths.home);
  if (!('start' in page)) return page;
  const rendered = await renderOnce(c.env, `home:${pageKey(page, list.key)}`, () => renderHomePage(c.env, list, page));
  return sendRendered(c, rendered, lifetime(page, list));
};

/** `/tags/<slug>` (a tag's newest articles) and `/tags/<slug>/archive/<n>`. */
export const serveTag = async (c: AppContext): Promise<Response> => {
  const tag = await findTag(c.env.ASSETS, c.req.param('tag') ?? '', c.var.now);
  if (!tag) return c.notFound();
  const list = await tagArticles(c.env.ASSETS, tag, c.var.now);
  const page = listPage(c, list, (n) => paths.archive(n, tag.slug), paths.tag(tag.slug));
  if (!('start' in page)) return page;
  const rendered = await renderOnce(c.env, `tag:${tag.slug}:${pageKey(page, list.key)}`, () =>
    renderTagPage(c.env, tag, list, page),
  );
  return sendRendered(c, rendered, lifetime(page, list));
};

export const serveArticle = async (c: AppContext): Promise<Response> => {
  const { now } = c.var;
  const position = await findArticle(c.env.ASSETS, c.req.param('slug') ?? '', now);
  if (position === undefined) return c.notFound();
  const [published, changesAt] = await Promise.all([
    publishedCount(c.env.ASSETS, now),
    articleChangesAt(c.env.ASSETS, position, now),
  ]);
  // The page links its neighbours: it changes only when a newer one comes out.
  const key = `article:${position}@${position + 1 < published ? 'newer' : 'newest'}`;
  return sendRendered(c, await renderOnce(c.env, key, () => renderArticlePage(c.env, position, published)), {
    changesAt,
  });
};
