/** The channel and item options RSS and Atom share, handed to the feed library with its text guarded. */
import type { FeedOptions, Item } from 'feed';
import { escapeHtml } from '../content/escape-html.ts';
import type { FeedItem, FeedModel } from './feed-model.ts';
import type { FeedFormat } from './formats.ts';
import { cdataText, xmlText } from './xml-text.ts';

export const GENERATOR = 'feed-publisher (Hono on Cloudflare Workers)';

/** A feed with no items still needs a date; the clock would change its bytes on every build. */
export const feedUpdated = (model: FeedModel): Date => new Date(model.updated ?? 0);

export const channelOptions = (model: FeedModel, format: FeedFormat): FeedOptions => ({
  id: model.id,
  title: xmlText(model.title),
  description: xmlText(model.description),
  link: model.homeUrl,
  feed: model.links[format],
  updated: feedUpdated(model),
  generator: GENERATOR,
  ...(model.site.copyright ? { copyright: xmlText(model.site.copyright) } : {}),
});

export const itemOptions = ({ meta, url, contentHtml }: FeedItem): Omit<Item, 'title'> & { content: string } => ({
  id: meta.guid,
  link: url,
  date: new Date(meta.updated),
  published: new Date(meta.published),
  // Both formats carry the summary and the content as HTML; the summary is text, so it is escaped.
  description: cdataText(escapeHtml(meta.summary)),
  content: cdataText(contentHtml),
});
