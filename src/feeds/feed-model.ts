/** One model of a feed page, from which every format is rendered. */

import { escapeHtml } from '../content/escape-html.ts';
import type { ArticleBody, ArticleImage, ArticleMeta } from '../content/types.ts';
import { imageType } from '../http/mime-types.ts';
import { newestUpdate } from '../site/newest-update.ts';
import type { Page } from '../site/pagination.ts';
import { absoluteUrl, absolutizeHtml, pagedPath, paths } from '../site/paths.ts';
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
  body: ArticleBody;
  /** Absolute permalink of the article's page. */
  url: string;
  /** The body, with the photo in front and every root-relative link made absolute, for reading away from the site. */
  contentHtml: string;
  image?: FeedImage;
}

/** RFC 5005 paging: absolute URLs of the neighbouring pages in this feed's own format. */
export interface FeedPaging {
  first: string;
  last: string;
  next?: string;
  previous?: string;
  /** Everything fits on this one page (RFC 5005 "complete feed"). */
  complete: boolean;
}

export interface FeedModel {
  site: SiteConfig;
  title: string;
  description: string;
  /** The HTML page this feed mirrors: the home page or a tag's page. */
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
export const createFeedItem = (site: SiteConfig, meta: ArticleMeta, body: ArticleBody): FeedItem => {
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
  page: Page,
  entries: readonly { meta: ArticleMeta; body: ArticleBody }[],
): FeedModel => {
  const url = (path: string) => absoluteUrl(site.url, path);
  const pageUrl = (format: FeedFormat, number: number) => url(pagedPath(paths.feed(format, source.tag), number));
  const paging = (format: FeedFormat): FeedPaging => ({
    first: pageUrl(format, 1),
    last: pageUrl(format, page.count),
    ...(page.number < page.count ? { next: pageUrl(format, page.number + 1) } : {}),
    ...(page.number > 1 ? { previous: pageUrl(format, page.number - 1) } : {}),
    complete: page.count === 1,
  });
  const homeUrl = url(source.tag ? paths.tag(source.tag) : paths.home);
  return {
    site,
    title: source.title,
    description: source.description,
    homeUrl,
    id: homeUrl,
    iconUrl: url(paths.favicon),
    links: Object.fromEntries(FEED_FORMAT_IDS.map((format) => [format, pageUrl(format, page.number)])) as Record<
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
