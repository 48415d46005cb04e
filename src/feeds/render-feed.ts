/** Renders one page of a feed, in one of the three formats. */

import { MIME } from '../http/mime-types.ts';
import type { RenderInput } from '../http/render-cache.ts';
import { type ArticleList, loadBodies } from '../site/content-store.ts';
import type { Page } from '../site/pagination.ts';
import type { FeedFormat } from '../site/paths.ts';
import { siteConfig } from '../site/site-config.ts';
import { createFeedModel, type FeedSource } from './feed-model.ts';
import { renderAtom } from './render-atom.ts';
import { renderJsonFeed } from './render-json-feed.ts';
import { renderRss } from './render-rss.ts';

export const FEED_TYPES: Record<FeedFormat, { contentType: string; render: typeof renderRss }> = {
  rss: { contentType: MIME.rss, render: renderRss },
  atom: { contentType: MIME.atom, render: renderAtom },
  json: { contentType: MIME.jsonFeed, render: renderJsonFeed },
};

export const renderFeed = async (
  env: Env,
  format: FeedFormat,
  source: FeedSource,
  list: ArticleList,
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
  const { contentType, render } = FEED_TYPES[format];
  return { body: render(model), contentType, ...(model.updated ? { modified: model.updated } : {}) };
};
