/** Renders one page of a feed, in one of its formats. */

import type { RenderInput } from '../http/render-cache.ts';
import { type ArticleSequence, loadEntries, pagePositions } from '../site/content-store.ts';
import type { ListPage } from '../site/pagination.ts';
import { siteConfig } from '../site/site-config.ts';
import { createFeedModel, type FeedSource } from './feed-model.ts';
import { FEED_FORMATS, type FeedFormat } from './formats.ts';

export const renderFeed = async (
  env: Env,
  format: FeedFormat,
  source: FeedSource,
  list: ArticleSequence,
  page: ListPage,
): Promise<RenderInput> => {
  const { contentType, render, body } = FEED_FORMATS[format];
  const entries = await loadEntries(env.ASSETS, await pagePositions(list, page), body);
  const model = createFeedModel(siteConfig(env), source, page, entries);
  return { body: render(model), contentType, ...(model.updated ? { modified: model.updated } : {}) };
};
