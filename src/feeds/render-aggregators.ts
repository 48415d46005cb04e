/** Renders the aggregators' outputs for the articles in their window at the request's instant. */
import type { ArticleMeta } from '../content/types.ts';
import { MIME } from '../http/mime-types.ts';
import type { RenderInput } from '../http/render-cache.ts';
import type { StoreEntry } from '../site/content-store.ts';
import { newestUpdate } from '../site/newest-update.ts';
import { siteConfig } from '../site/site-config.ts';
import { type AggregatorFeedModel, createAggregatorFeed } from './aggregator-feed.ts';
import { WINDOWED_FEEDS } from './feed-topics.ts';
import { renderDzen } from './render-dzen.ts';
import { renderNewsSitemap } from './render-news-sitemap.ts';
import { renderYandex } from './render-yandex.ts';

/** An aggregator's feed, by name: its path and window are in WINDOWED_FEEDS. */
export type AggregatorFeed = keyof typeof WINDOWED_FEEDS;

const RENDERERS: Record<AggregatorFeed, (model: AggregatorFeedModel) => string> = {
  dzen: renderDzen,
  yandex: renderYandex,
};

/**
 * `entries` are the window's, newest first; `siteUpdated` dates the channel
 * when the window is empty, so the bytes depend on nothing but the articles.
 */
export const renderAggregatorFeed = async (
  env: Env,
  feed: AggregatorFeed,
  entries: readonly StoreEntry[],
  siteUpdated: string | undefined,
): Promise<RenderInput> => {
  const { path } = WINDOWED_FEEDS[feed];
  const render = RENDERERS[feed];
  const articles = entries.map(({ meta }) => meta);
  const model = createAggregatorFeed(siteConfig(env), path, entries, newestUpdate(articles) ?? siteUpdated);
  const modified = newestUpdate(articles);
  return { body: render(model), contentType: MIME.rss, ...(modified ? { modified } : {}) };
};

export const renderNewsSitemapXml = async (env: Env, articles: readonly ArticleMeta[]): Promise<RenderInput> => {
  const modified = newestUpdate(articles);
  return {
    body: renderNewsSitemap(siteConfig(env), articles),
    contentType: MIME.xml,
    ...(modified ? { modified } : {}),
  };
};
