/** Answers the aggregators' URLs: the window of articles at the request's instant, then the rendered bytes. */
import { GOOGLE_NEWS_WINDOW, windowItems } from '../feeds/aggregator-window.ts';
import { WINDOWED_FEEDS } from '../feeds/feed-topics.ts';
import { type AggregatorFeed, renderAggregatorFeed, renderNewsSitemapXml } from '../feeds/render-aggregators.ts';
import type { AppContext } from '../http/app-env.ts';
import { FEED_CORS_HEADERS } from '../http/feed-cors.ts';
import { renderOnce } from '../http/render-cache.ts';
import { sendRendered } from '../http/send-rendered.ts';
import { allArticles } from '../site/content-store.ts';

/**
 * The window's articles at the request's instant, from the store. Its key
 * names both edges of the window, so a render from another window is never
 * served; its next change ends the response's cache lifetimes.
 */
export const serveAggregatorFeed = async (c: AppContext, feed: AggregatorFeed): Promise<Response> => {
  const now = c.var.now;
  const rule = WINDOWED_FEEDS[feed].window;
  const window = allArticles(now, rule);
  // The site's newest published article dates an empty window's channel.
  const site = allArticles(now);
  const rendered = await renderOnce(c.env, `${feed}@${window.key}@${site.key}`, () =>
    renderAggregatorFeed(c.env, feed, windowItems(window, rule), site.slice(0, 1)[0]?.updated),
  );
  return sendRendered(c, rendered, { headers: FEED_CORS_HEADERS, changesAt: window.changesAt });
};

export const serveNewsSitemap = async (c: AppContext): Promise<Response> => {
  const window = allArticles(c.var.now, GOOGLE_NEWS_WINDOW);
  const rendered = await renderOnce(c.env, `news-sitemap@${window.key}`, () =>
    renderNewsSitemapXml(c.env, windowItems(window, GOOGLE_NEWS_WINDOW)),
  );
  return sendRendered(c, rendered, { changesAt: window.changesAt });
};
