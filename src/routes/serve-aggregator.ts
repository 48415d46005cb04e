/** Answers the aggregators' URLs: the window of articles at the request's instant, then the rendered bytes. */
import { GOOGLE_NEWS_WINDOW, type WindowRule } from '../feeds/aggregator-window.ts';
import { WINDOWED_FEEDS } from '../feeds/feed-topics.ts';
import { type AggregatorFeed, renderAggregatorFeed, renderNewsSitemapXml } from '../feeds/render-aggregators.ts';
import type { AppContext } from '../http/app-env.ts';
import { FEED_CORS_HEADERS } from '../http/feed-cors.ts';
import { renderOnce } from '../http/render-cache.ts';
import { sendRendered } from '../http/send-rendered.ts';
import { type ArticleSequence, allArticles, loadEntries, loadMetas, pagePositions } from '../site/content-store.ts';

/** The store positions of the newest `rule.max` of a window's articles, newest first. */
const windowPositions = (window: ArticleSequence, rule: WindowRule): Promise<number[]> =>
  pagePositions(window, { start: Math.max(0, window.count - rule.max), end: window.count });

/**
 * The window's articles at the request's instant, from the store. Its key
 * names both edges of the window, so a render from another window is never
 * served; its next change ends the response's cache lifetimes.
 */
export const serveAggregatorFeed = async (c: AppContext, feed: AggregatorFeed): Promise<Response> => {
  const now = c.var.now;
  const rule = WINDOWED_FEEDS[feed].window;
  const [window, site] = await Promise.all([allArticles(c.env.ASSETS, now, rule), allArticles(c.env.ASSETS, now)]);
  const rendered = await renderOnce(c.env, `${feed}@${window.key}@${site.key}`, async () => {
    // The site's newest published article dates an empty window's channel.
    const [newest] = await loadMetas(
      c.env.ASSETS,
      await pagePositions(site, { start: Math.max(0, site.count - 1), end: site.count }),
    );
    // Up to the plain text: Yandex's feed carries it whole.
    const entries = await loadEntries(c.env.ASSETS, await windowPositions(window, rule), 'text');
    return renderAggregatorFeed(c.env, feed, entries, newest?.updated);
  });
  return sendRendered(c, rendered, { headers: FEED_CORS_HEADERS, changesAt: window.changesAt });
};

export const serveNewsSitemap = async (c: AppContext): Promise<Response> => {
  const window = await allArticles(c.env.ASSETS, c.var.now, GOOGLE_NEWS_WINDOW);
  const rendered = await renderOnce(c.env, `news-sitemap@${window.key}`, async () =>
    renderNewsSitemapXml(c.env, await loadMetas(c.env.ASSETS, await windowPositions(window, GOOGLE_NEWS_WINDOW))),
  );
  return sendRendered(c, rendered, { changesAt: window.changesAt });
};
