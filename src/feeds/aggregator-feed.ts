/** The model of an aggregator's feed (Dzen, Yandex), and the RSS 2.0 channel around its items. */
import type { ArticleMeta } from '../content/types.ts';
import { MIME, mediaType } from '../http/mime-types.ts';
import type { StoredBody } from '../site/pack-format.ts';
import { absoluteUrl, paths } from '../site/paths.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { createFeedItem, type FeedImage, type FeedItem } from './feed-model.ts';
import { GENERATOR } from './feed-options.ts';
import { MEDIA_NS } from './media-rss.ts';
import { element, emptyElement, textElement, XML_DECLARATION } from './xml-writer.ts';

export interface AggregatorFeedModel {
  site: SiteConfig;
  /** This feed's own absolute URL. */
  selfUrl: string;
  /** Newest first. */
  items: FeedItem[];
  /** ISO 8601: the newest change among the site's articles, so an empty window still has a fixed date. */
  updated: string | undefined;
}

export const createAggregatorFeed = (
  site: SiteConfig,
  selfPath: string,
  entries: readonly { meta: ArticleMeta; body: StoredBody }[],
  updated: string | undefined,
): AggregatorFeedModel => ({
  site,
  selfUrl: absoluteUrl(site.url, selfPath),
  items: entries.map(({ meta, body }) => createFeedItem(site, meta, body)),
  updated,
});

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** RFC 822 date, as RSS 2.0 wants (`Mon, 28 Nov 2022 09:00:00 GMT`). */
export const rfc822 = (iso: string): string => new Date(iso).toUTCString();

/** What every aggregator's item opens with: its title, the article's page, its guid and its publication. */
export const itemHead = ({ meta, url }: FeedItem): string[] => [
  textElement('title', meta.title),
  textElement('link', url),
  // The article's permanent id: an edit keeps it, so an aggregator updates the item instead of adding one.
  textElement('guid', meta.guid, { isPermaLink: 'false' }),
  // The publication, to the minute.
  textElement('pubDate', rfc822(meta.published)),
];

/** Media RSS for a picture: its type and size, and its caption (https://www.rssboard.org/media-rss#media-content). */
export const mediaContentXml = (image: FeedImage): string =>
  element('media:content', image.caption ? textElement('media:description', image.caption, { type: 'plain' }) : '', {
    url: image.url,
    type: image.type,
    medium: 'image',
    width: image.width,
    height: image.height,
    fileSize: image.length,
  });

/**
 * The whole document: the channel from the site's settings, then the items.
 * `namespaces` are the prefixes the items use; atom is always there, for the self link.
 */
export const aggregatorRss = (
  model: AggregatorFeedModel,
  namespaces: Record<string, string>,
  items: string[],
): string => {
  const home = absoluteUrl(model.site.url, paths.home);
  const channel = [
    textElement('title', model.site.title),
    textElement('link', home),
    textElement('description', model.site.description),
    textElement('language', model.site.language),
    // Never the clock: the newest article's change dates the channel.
    textElement('lastBuildDate', new Date(model.updated ?? 0).toUTCString()),
    textElement('generator', GENERATOR),
    ...(model.site.copyright ? [textElement('copyright', model.site.copyright)] : []),
    emptyElement('atom:link', { href: model.selfUrl, rel: 'self', type: mediaType(MIME.rss) }),
    ...items,
  ];
  const xmlns = Object.fromEntries(
    Object.entries({ ...namespaces, atom: ATOM_NS }).map(([prefix, uri]) => [`xmlns:${prefix}`, uri]),
  );
  return `${XML_DECLARATION}\n${element('rss', `\n<channel>\n${channel.join('\n')}\n</channel>\n`, { version: '2.0', ...xmlns })}\n`;
};

export { MEDIA_NS };
