/** Answers the sitemap index and its parts (sitemaps.org): the pages part, and article parts that never change once full. */
import type { AppContext } from '../http/app-env.ts';
import { renderOnce } from '../http/render-cache.ts';
import { sendRendered } from '../http/send-rendered.ts';
import { renderSitemapArticles, renderSitemapPages, renderSitemapXml } from '../pages/render-pages.tsx';
import { parseSitemapPart } from '../pages/render-sitemap.ts';
import { allArticles } from '../site/content-store.ts';
import { SITEMAP_PART } from '../site/store-layout.ts';

// Keys end in `@` and the site's published cut, as for every list, except a full article part's.

export const serveSitemap = async (c: AppContext): Promise<Response> => {
  const { count, key, changesAt } = await allArticles(c.env.ASSETS, c.var.now);
  const rendered = await renderOnce(c.env, `sitemap@${key}`, () => renderSitemapXml(c.env, count, c.var.now));
  return sendRendered(c, rendered, { changesAt });
};

export const serveSitemapPart = async (c: AppContext): Promise<Response> => {
  const part = parseSitemapPart(c.req.param('file') ?? '');
  if (part === undefined) return c.notFound();
  const { count, key, changesAt } = await allArticles(c.env.ASSETS, c.var.now);
  if (part === 'pages') {
    const rendered = await renderOnce(c.env, `sitemap:pages@${key}`, () => renderSitemapPages(c.env, c.var.now));
    return sendRendered(c, rendered, { changesAt });
  }
  if ((part - 1) * SITEMAP_PART >= count) return c.notFound();
  const full = part * SITEMAP_PART <= count;
  const rendered = await renderOnce(c.env, `sitemap:${part}${full ? '' : `@${key}`}`, () =>
    renderSitemapArticles(c.env, part, count),
  );
  return sendRendered(c, rendered, full ? { policy: 'archive' } : { changesAt });
};
