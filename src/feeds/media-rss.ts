/** A lead picture in RSS: an enclosure with its real size, Media RSS for what an enclosure cannot say, and the namespaces. */
import type { Enclosure, Extension } from 'feed';
import type { FeedImage } from './feed-model.ts';
import { xmlAttribute, xmlText } from './xml-text.ts';

/** Media RSS (https://www.rssboard.org/media-rss), read by Google News, Dzen and Yandex for pictures. */
export const MEDIA_NS = 'http://search.yahoo.com/mrss/';

/**
 * RSS 2.0 requires an enclosure's length in bytes
 * (https://www.rssboard.org/rss-specification#ltenclosuregtSubelementOfLtitemgt):
 * only a picture from seeds/, whose size the build read, gets one.
 */
export const enclosureOf = (image: FeedImage | undefined): Enclosure | undefined =>
  image?.length ? { url: image.url, type: image.type, length: image.length } : undefined;

/** media:content with the picture's type, size in pixels and bytes, and its caption as media:description. */
export const mediaContent = (image: FeedImage): Extension => ({
  name: 'media:content',
  objects: {
    _attributes: {
      url: xmlAttribute(image.url),
      type: image.type,
      medium: 'image',
      ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
      ...(image.length ? { fileSize: image.length } : {}),
    },
    ...(image.caption
      ? { 'media:description': { _attributes: { type: 'plain' }, _text: xmlText(image.caption) } }
      : {}),
  },
});

const RSS_ROOT = '<rss version="2.0"';

/** Declares namespaces on the root element the feed library wrote, which has no option for its own. */
export const declareNamespaces = (xml: string, namespaces: Record<string, string>): string => {
  const at = xml.indexOf(RSS_ROOT);
  if (at === -1) throw new Error('the feed library wrote an unexpected RSS root element');
  const end = at + RSS_ROOT.length;
  const attributes = Object.entries(namespaces)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join('');
  return `${xml.slice(0, end)}${attributes}${xml.slice(end)}`;
};
