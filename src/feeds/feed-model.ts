/** One model of a feed page, from which every format is rendered. */

import { escapeHtml } from '../content/escape-html.ts';
import type { ArticleImage, ArticleMeta } from '../content/types.ts';
import { imageType } from '../http/mime-types.ts';
import { newestUpdate } from '../site/newest-update.ts';
import type { StoredBody } from '../site/pack-format.ts';
import type { ListPage } from '../site/pagination.ts';
import { absoluteUrl, absolutizeHtml, paths } from '../site/paths.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { FEED_FORMAT_IDS, type FeedFormat } from './formats.ts';

/** An article's lead picture as feeds describe it. */
export interface FeedImage {
  /** Absolute URL. */
  url: string;
  alt: string;
  caption?: string;
  /** Media type: known for pictures from seeds/, guessed from the extension for a URL. */
  type: string;
  /** Known for pictures from seeds/ only. */
  width?: number;
  height?: number;
  /** File size in bytes; known for pictures from seeds/ only. */
  length?: number;
}

export interface FeedItem {
  meta: ArticleMeta;
  /** As far as it was read from the store: its plain text only for the formats that carry it (formats.ts). */
  body: StoredBody;
  /** Absolute permalink of the article's page. */
  url: string;
  /** The body, with the photo in front and every root-relative link made absolute, for reading away from the site. */
  contentHtml: string;
  image?: FeedImage;
}

/** RFC 5005: where this document sits in its feed's history, as absolute URLs in its own format. */
export interface FeedPaging {
  /** The subscription document holds every item (§2, a complete feed). */
  complete: boolean;
  /** This is an archive document (§4): its items are fixed once it is full. */
  archive: boolean;
  /** The subscription document, linked from archives. */
  current?: string;
  /** The archive document just older than this one. */
  prevArchive?: string;
  /** The archive document just newer, linked from full archive documents. */
  nextArchive?: string;
}

export interface FeedModel {
  site: SiteConfig;
  title: string;
  description: string;
  /** The HTML page this document mirrors: the home page, a tag's page, or one of their archive pages. */
  homeUrl: string;
  /** Stable id of the feed as a whole, across its pages. */
  id: string;
  /** The site's icon (square SVG). */
  iconUrl: string;
  /** This page's URL in each format. */
  links: Record<FeedFormat, string>;
  paging: Record<FeedFormat, FeedPaging>;
  /** ISO 8601: the newest item's update, or undefined for an empty feed. */
  updated: string | undefined;
  items: FeedItem[];
}

export interface FeedSource {
  title: string;
  description: string;
  /** Slug of the tag this feed follows; the whole site when absent. */
  tag?: string;
}

/** The lead picture in front of the text, with its size where known, so readers reserve its space. */
export const figureHtml = (image: FeedImage | undefined): string =>
  image
    ? `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}"` +
      `${image.width && image.height ? ` width="${image.width}" height="${image.height}"` : ''}>` +
      `${image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : ''}</figure>\n`
    : '';

const feedImage = (site: SiteConfig, image: ArticleImage | undefined): FeedImage | undefined => {
  if (!image?.src) return undefined;
  const url = absoluteUrl(site.url, image.src);
  return {
    url,
    alt: image.alt,
    ...(image.caption ? { caption: image.caption } : {}),
    type: image.type ?? imageType(url),
    ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
    ...(image.length ? { length: image.length } : {}),
  };
};

/** One article as every feed carries it. */
export const createFeedItem = (site: SiteConfig, meta: ArticleMeta, body: StoredBody): FeedItem => {
  const image = feedImage(site, meta.image);
  return {
    // Feeds carry the title and summary as written; the index holds them typeset, for pages.
    meta: { ...meta, title: body.title, summary: body.summary },
    body,
    url: absoluteUrl(site.url, paths.article(meta.slug)),
    contentHtml: figureHtml(image) + absolutizeHtml(body.html, site.url),
    ...(image ? { image } : {}),
  };
};

export const createFeedModel = (
  site: SiteConfig,
  source: FeedSource,
  page: ListPage,
  entries: readonly { meta: ArticleMeta; body: StoredBody }[],
): FeedModel => {
  const url = (path: string) => absoluteUrl(site.url, path);
  const feedUrl = (format: FeedFormat, archive?: number) => url(paths.feed(format, source.tag, archive));
  const paging = (format: FeedFormat): FeedPaging => ({
    complete: page.complete,
    archive: page.archive !== undefined,
    ...(page.archive !== undefined ? { current: feedUrl(format) } : {}),
    ...(page.prevArchive ? { prevArchive: feedUrl(format, page.prevArchive) } : {}),
    ...(page.nextArchive ? { nextArchive: feedUrl(format, page.nextArchive) } : {}),
  });
  const listUrl = url(source.tag ? paths.tag(source.tag) : paths.home);
  return {
    site,
    title: source.title,
    description: source.description,
    homeUrl: page.archive ? url(paths.archive(page.archive, source.tag)) : listUrl,
    id: listUrl,
    iconUrl: url(paths.favicon),
    links: Object.fromEntries(FEED_FORMAT_IDS.map((format) => [format, feedUrl(format, page.archive)])) as Record<
      FeedFormat,
      string
    >,
    paging: Object.fromEntries(FEED_FORMAT_IDS.map((format) => [format, paging(format)])) as Record<
      FeedFormat,
      FeedPaging
    >,
    updated: newestUpdate(entries.map(({ meta }) => meta)),
    items: entries.map(({ meta, body }) => createFeedItem(site, meta, body)),
  };
};
