/** Answers the HTML pages: which article or list, which page, as published at the request's instant, then the rendered bytes. */
import type { AppContext } from '../http/app-env.ts';
import { CACHE_CONTROL } from '../http/cache-policy.ts';
import { MIME } from '../http/mime-types.ts';
import { renderOnce } from '../http/render-cache.ts';
import { sendRendered } from '../http/send-rendered.ts';
import { renderArticlePage, renderHomePage, renderTagPage } from '../pages/render-pages.tsx';
import { allArticles, articleChangesAt, findArticle, findTag, neighbours, tagArticles } from '../site/content-store.ts';
import { BAD_PAGE_MESSAGE, pageOf, parsePage } from '../site/pagination.ts';
import { siteConfig } from '../site/site-config.ts';

const badPage = (c: AppContext) =>
  c.text(`${BAD_PAGE_MESSAGE}\n`, 400, { 'Content-Type': MIME.text, 'Cache-Control': CACHE_CONTROL.none });

// Render keys end in `@` and the published cut of what the page shows, so a
// render from before a publication is never served after it.

export const serveHome = async (c: AppContext): Promise<Response> => {
  const number = parsePage(c.req.query('page'));
  if (number === undefined) return badPage(c);
  const list = allArticles(c.var.now);
  const page = pageOf(list.count, siteConfig(c.env).pageSize, number);
  if (!page) return c.notFound();
  const rendered = await renderOnce(c.env, `home:${page.number}@${list.key}`, () => renderHomePage(c.env, list, page));
  return sendRendered(c, rendered, { changesAt: list.changesAt });
};

export const serveTag = async (c: AppContext): Promise<Response> => {
  const tag = findTag(c.req.param('tag') ?? '', c.var.now);
  if (!tag) return c.notFound();
  const number = parsePage(c.req.query('page'));
  if (number === undefined) return badPage(c);
  const list = tagArticles(tag, c.var.now);
  const page = pageOf(list.count, siteConfig(c.env).pageSize, number);
  if (!page) return c.notFound();
  const rendered = await renderOnce(c.env, `tag:${tag.slug}:${page.number}@${list.key}`, () =>
    renderTagPage(c.env, tag, list, page),
  );
  return sendRendered(c, rendered, { changesAt: list.changesAt });
};

export const serveArticle = async (c: AppContext): Promise<Response> => {
  const meta = findArticle(c.req.param('slug') ?? '', c.var.now);
  if (!meta) return c.notFound();
  // The page links its neighbours: it changes only when a newer one comes out.
  const around = neighbours(meta, c.var.now);
  const rendered = await renderOnce(c.env, `article:${meta.id}@${around.newer?.id ?? ''}`, () =>
    renderArticlePage(c.env, meta, around),
  );
  return sendRendered(c, rendered, { changesAt: articleChangesAt(meta, c.var.now) });
};
