/** RSS 2.0, written by the feed library from the feed model. */
import { type Extension, Feed } from 'feed';
import { MIME, mediaType } from '../http/mime-types.ts';
import { FEED_HISTORY_NS, historyElement, pagingLinks } from './feed-history.ts';
import type { FeedModel } from './feed-model.ts';
import { channelOptions, itemOptions } from './feed-options.ts';
import { HeldCdata } from './held-cdata.ts';
import { declareNamespaces, enclosureOf, MEDIA_NS, mediaContent } from './media-rss.ts';
import { cdataText, xmlText } from './xml-text.ts';

// Channel extensions replace the library's own atom:link list (self only) with
// self plus the RFC 5005 links; fh:complete or fh:archive declares its namespace itself.
const channelExtensions = (model: FeedModel): Extension[] => {
  const history = historyElement(model.paging.rss);
  const type = mediaType(MIME.rss);
  const links = [
    { href: model.links.rss, rel: 'self', type },
    ...pagingLinks(model.paging.rss).map(({ rel, href }) => ({ href, rel, type })),
    ...(model.site.hub ? [{ href: model.site.hub, rel: 'hub' }] : []),
  ];
  return [
    {
      name: 'atom:link',
      objects: links.map((attributes) => ({ _attributes: attributes })) as unknown as Record<string, unknown>,
    },
    ...(history ? [{ name: `fh:${history}`, objects: { _attributes: { 'xmlns:fh': FEED_HISTORY_NS } } }] : []),
  ];
};

/** The document in pieces (held-cdata.ts): the library's text, and each item's content between. */
export const renderRssPieces = (model: FeedModel): string[] => {
  const feed = new Feed({ ...channelOptions(model, 'rss'), language: model.site.language });
  const held = new HeldCdata();
  for (const extension of channelExtensions(model)) feed.addExtension(extension);
  for (const item of model.items) {
    const { meta, image } = item;
    const enclosure = enclosureOf(image);
    const options = itemOptions(item);
    feed.addItem({
      ...options,
      content: held.hold(options.content),
      title: cdataText(meta.title),
      category: meta.tags.map((tag) => ({ name: xmlText(tag.name) })),
      extensions: [
        // RSS <author> must be an e-mail address; a bare name goes in dc:creator.
        { name: 'dc:creator', objects: { _text: xmlText(meta.author ?? model.site.author) } },
        // An item in another language than the channel says so.
        ...(meta.language !== model.site.language
          ? [{ name: 'dc:language', objects: { _text: xmlText(meta.language) } }]
          : []),
        // The picture's size in pixels and its caption, which an enclosure cannot carry (Google News asks for Media RSS).
        ...(image ? [mediaContent(image)] : []),
      ],
      ...(enclosure ? { enclosure } : {}),
    });
  }
  const [head, ...rest] = held.pieces(feed.rss2());
  return [model.items.some((item) => item.image) ? declareNamespaces(head, { media: MEDIA_NS }) : head, ...rest];
};

export const renderRss = (model: FeedModel): string => renderRssPieces(model).join('');
