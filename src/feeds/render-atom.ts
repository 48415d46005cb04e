/** Atom 1.0, written by the feed library from the feed model. */
import { Feed } from 'feed';
import { escapeHtml } from '../escape-html.ts';
import type { FeedModel } from './feed-model.ts';
import { feedUpdated, GENERATOR } from './render-rss.ts';
import { cdataText, xmlText } from './xml-text.ts';

export const renderAtom = (model: FeedModel): string => {
  const feed = new Feed({
    id: model.homeUrl,
    title: xmlText(model.title),
    description: xmlText(model.description),
    link: model.homeUrl,
    language: model.site.language,
    feed: model.links.atom,
    updated: feedUpdated(model),
    generator: GENERATOR,
    author: { name: xmlText(model.site.author) },
  });
  for (const { meta, url, contentHtml } of model.items) {
    feed.addItem({
      // Atom titles and summaries are written as type="html": escape the text.
      title: cdataText(escapeHtml(meta.title)),
      id: meta.guid,
      link: url,
      date: new Date(meta.updated),
      published: new Date(meta.published),
      description: cdataText(escapeHtml(meta.summary)),
      content: cdataText(contentHtml),
      author: [{ name: xmlText(meta.author ?? model.site.author) }],
      category: meta.tags.map((tag) => ({ term: xmlText(tag) })),
    });
  }
  return feed.atom1();
};
