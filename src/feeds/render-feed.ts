/** Renders a feed in one of the three formats from the newest articles. */
import { articles, loadBodies } from '../content-store.ts';
import type { RenderInput } from '../render-cache.ts';
import { siteConfig } from '../site-config.ts';
import { createFeedModel } from './feed-model.ts';
import { MIME } from './mime-types.ts';
import { renderAtom } from './render-atom.ts';
import { renderJsonFeed } from './render-json-feed.ts';
import { renderRss } from './render-rss.ts';

export const FEED_FORMATS = {
  rss: { contentType: MIME.rss, render: renderRss },
  atom: { contentType: MIME.atom, render: renderAtom },
  json: { contentType: MIME.jsonFeed, render: renderJsonFeed },
} as const;

export type FeedFormat = keyof typeof FEED_FORMATS;

export const renderFeed = async (env: Env, format: FeedFormat): Promise<RenderInput> => {
  const site = siteConfig(env);
  const metas = articles.slice(0, site.pageSize);
  const bodies = await loadBodies(env.ASSETS, metas);
  const model = createFeedModel(site, metas.map((meta, i) => ({ meta, body: bodies[i]! })));
  const { contentType, render } = FEED_FORMATS[format];
  return { body: render(model), contentType, ...(model.updated ? { modified: model.updated } : {}) };
};
