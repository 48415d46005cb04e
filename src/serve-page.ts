/** Answers the HTML listing pages: which list, which page, then the rendered bytes. */
import type { AppContext } from './app-env.ts';
import { CACHE_CONTROL } from './cache-policy.ts';
import { allArticles, findTag, tagArticles } from './content-store.ts';
import { MIME } from './feeds/mime-types.ts';
import { renderHomePage, renderTagPage } from './pages/render-pages.tsx';
import { BAD_PAGE_MESSAGE, pageOf, parsePage } from './pagination.ts';
import { renderOnce } from './render-cache.ts';
import { sendRendered } from './send-rendered.ts';
import { siteConfig } from './site-config.ts';

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
