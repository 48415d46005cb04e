/** Answers the HTML pages: which article or list, which page, then the rendered bytes. */
import type { AppContext } from '../http/app-env.ts';
import { CACHE_CONTROL } from '../http/cache-policy.ts';
import { MIME } from '../http/mime-types.ts';
import { renderOnce } from '../http/render-cache.ts';
import { sendRendered } from '../http/send-rendered.ts';
import { renderArticlePage, renderHomePage, renderTagPage } from '../pages/render-pages.tsx';
import { allArticles, findArticle, findTag, tagArticles } from '../site/content-store.ts';
import { BAD_PAGE_MESSAGE, pageOf, parsePage } from '../site/pagination.ts';
import { siteConfig } from '../site/site-config.ts';

const badPage = (c: AppContext) =>
  c.text(`${BAD_PAGE_MESSAGE}\n`, 400, { 'Content-Type': MIME.text, 'Cache-Control': CACHE_CONTROL.none });

export const serveHome = async (c: AppContext): Promise<Response> => {
  const number = parsePage(c.req.query('page'));
  if (number === undefined) return badPage(c);
  const page = pageOf(allArticles.count, siteConfig(c.env).pageSize, number);
  if (!page) return c.notFound();
  return sendRendered(
    c,
    await renderOnce(c.env, `home:${page.number}`, () => renderHomePage(c.env, allArticles, page)),
  );
};

export const serveTag = async (c: AppContext): Promise<Response> => {
  const tag = findTag(c.req.param('tag') ?? '');
  if (!tag) return c.notFound();
  const number = parsePage(c.req.query('page'));
  if (number === undefined) return badPage(c);
  const page = pageOf(tagArticles(tag).count, siteConfig(c.env).pageSize, number);
  if (!page) return c.notFound();
  return sendRendered(
    c,
    await renderOnce(c.env, `tag:${tag.slug}:${page.number}`, () => renderTagPage(c.env, tag, page)),
  );
};

export const serveArticle = async (c: AppContext): Promise<Response> => {
  const meta = findArticle(c.req.param('slug') ?? '');
  if (!meta) return c.notFound();
  return sendRendered(c, await renderOnce(c.env, `article:${meta.id}`, () => renderArticlePage(c.env, meta)));
};
