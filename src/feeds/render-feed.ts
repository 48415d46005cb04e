/** Renders one page of a feed, in one of its formats. */

import type { RenderInput } from '../http/render-cache.ts';
import { type ArticleSequence, loadBodies } from '../site/content-store.ts';
import type { Page } from '../site/pagination.ts';
import { siteConfig } from '../site/site-config.ts';
import { createFeedModel, type FeedSource } from './feed-model.ts';
import { FEED_FORMATS, type FeedFormat } from './formats.ts';

export const renderFeed = async (
  env: Env,
  format: FeedFormat,
  source: FeedSource,
  list: ArticleSequence,
  page: Page,
): Promise<RenderInput> => {
  const metas = list.slice(page.start, page.end);
  const bodies = await loadBodies(env.ASSETS, metas);
  const model = createFeedModel(
    siteConfig(env),
    source,
    page,
    metas.map((meta, i) => ({ meta, body: bodies[i]! })),
  );
  const { contentType, render } = FEED_FORMATS[format];
  return { body: render(model), contentType, ...(model.updated ? { modified: model.updated } : {}) };
};
