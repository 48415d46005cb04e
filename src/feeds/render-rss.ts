/** RSS 2.0, written by the feed library from the feed model. */
import { Feed } from 'feed';
import { escapeHtml } from '../escape-html.ts';
import type { FeedModel } from './feed-model.ts';
import { imageType } from './mime-types.ts';
import { cdataText, xmlText } from './xml-text.ts';

export const GENERATOR = 'feed-publisher (Hono on Cloudflare Workers)';

/** A feed with no items still needs a date; the clock would change its bytes on every build. */
export const feedUpdated = (model: FeedModel): Date => new Date(model.updated ?? 0);

export const renderRss = (model: FeedModel): string => {
  const feed = new Feed({
    id: model.homeUrl,
    title: xmlText(model.title),
    description: xmlText(model.description),
    link: model.homeUrl,
    language: model.site.language,
    feed: model.links.rss,
    updated: feedUpdated(model),
    generator: GENERATOR,
  });
  for (const { meta, url, contentHtml, imageUrl } of model.items) {
    feed.addItem({
      title: cdataText(meta.title),
      id: meta.guid,
      link: url,
      date: new Date(meta.updated),
      published: new Date(meta.published),
      // description and content:encoded are HTML; the summary is text.
      description: cdataText(escapeHtml(meta.summary)),
      content: cdataText(contentHtml),
      category: meta.tags.map((tag) => ({ name: xmlText(tag) })),
      // RSS <author> must be an e-mail address; a bare name goes in dc:creator.
      extensions: [{ name: 'dc:creator', objects: { _text: xmlText(meta.author ?? model.site.author) } }],
      ...(imageUrl ? { enclosure: { url: imageUrl, type: imageType(imageUrl), length: 0 } } : {}),
    });
  }
  return feed.rss2();
};
