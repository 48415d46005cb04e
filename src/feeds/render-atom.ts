/** Atom 1.0, written by the feed library from the feed model. */
import { Feed } from 'feed';
import { escapeHtml } from '../content/escape-html.ts';
import { FEED_HISTORY_NS, historyElement, pagingLinks } from './feed-history.ts';
import type { FeedModel } from './feed-model.ts';
import { channelOptions, itemOptions } from './feed-options.ts';
import { HeldCdata } from './held-cdata.ts';
import { enclosureOf } from './media-rss.ts';
import { cdataText, xmlAttribute, xmlText } from './xml-text.ts';

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

/**
 * The library writes neither xml:lang nor links beyond alternate, self and
 * hub; add them to the root element it writes, refusing any other output.
 */
const extendRoot = (xml: string, model: FeedModel): string => {
  const at = xml.indexOf(ATOM_ROOT);
  if (at === -1) throw new Error('the feed library wrote an unexpected Atom root element');
  const paging = model.paging.atom;
  const history = historyElement(paging);
  const attributes = ` xml:lang="${escapeHtml(model.site.language)}"${history ? ` xmlns:fh="${FEED_HISTORY_NS}"` : ''}`;
  const children = [
    ...pagingLinks(paging).map(({ rel, href }) => `<link rel="${rel}" href="${escapeHtml(href)}"/>`),
    ...(history ? [`<fh:${history}/>`] : []),
  ]
    .map((element) => `\n    ${element}`)
    .join('');
  const end = at + ATOM_ROOT.length;
  return `${xml.slice(0, end - 1)}${attributes}>${children}${xml.slice(end)}`;
};

/** The document in pieces (held-cdata.ts): the library's text, and each entry's content between. */
export const renderAtomPieces = (model: FeedModel): string[] => {
  const held = new HeldCdata();
  const feed = new Feed({
    ...channelOptions(model, 'atom'),
    author: { name: xmlText(model.site.author) },
    favicon: model.iconUrl,
    ...(model.site.hub ? { hub: model.site.hub } : {}),
  });
  for (const item of model.items) {
    const { meta } = item;
    const enclosure = enclosureOf(item.image);
    const options = itemOptions(item);
    feed.addItem({
      ...options,
      content: held.hold(options.content),
      // Atom titles are written as type="html": escape the text.
      title: cdataText(escapeHtml(meta.title)),
      author: [{ name: xmlText(meta.author ?? model.site.author) }],
      category: meta.tags.map((tag) => ({ term: xmlAttribute(tag.name) })),
      // link rel="enclosure" with the picture's type and length (RFC 4287 §4.2.7.2). The library
      // writes the type as "image/" and the URL's extension, which is right for the build's URLs only.
      ...(enclosure && enclosure.type === `image/${enclosure.url.split('.').pop()}`
        ? { enclosure: { ...enclosure, url: xmlAttribute(enclosure.url) } }
        : {}),
    });
  }
  const [head, ...rest] = held.pieces(feed.atom1());
  return [extendRoot(head, model), ...rest];
};

export const renderAtom = (model: FeedModel): string => renderAtomPieces(model).join('');
