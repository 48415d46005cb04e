/** The site's URL layout: every path the Worker answers is built here. */
import { FEED_FORMATS, type FeedFormat } from '../feeds/formats.ts';

export const ARTICLES_PREFIX = '/articles/';

export const IMAGES_PREFIX = '/images/';

export const paths = {
  home: '/',
  article: (slug: string) => `${ARTICLES_PREFIX}${slug}`,
  tag: (slug: string) => `/tags/${slug}`,
  /** An archive page of the site's articles, or a tag's (RFC 5005 §4: numbered from the oldest, stable). */
  archive: (page: number | string, tag?: string) => `${tag ? `/tags/${tag}` : ''}/archive/${page}`,
  /** The site's feed, or a tag's when `tag` is given; one of its archive pages when `archive` is. */
  feed: (format: FeedFormat, tag?: string, archive?: number | string) =>
    `${tag ? `/tags/${tag}` : ''}${archive ? `/archive/${archive}` : ''}/${FEED_FORMATS[format].file}`,
  /** Picks the format from the Accept header. */
  negotiatedFeed: '/feed',
  opml: '/feeds.opml',
  /** The aggregators' own dialects: Dzen's RSS, Yandex Webmaster's fresh-content RSS, the Google News sitemap. */
  dzenFeed: '/feeds/dzen.xml',
  yandexFeed: '/feeds/yandex.xml',
  newsSitemap: '/sitemap-news.xml',
  favicon: '/favicon.svg',
  /** A sitemap index (sitemaps.org) of the parts below. */
  sitemap: '/sitemap.xml',
  /** A part of the sitemap: `pages.xml` (home and tags) or `articles-<n>.xml`. */
  sitemapPart: (file: string) => `/sitemaps/${file}`,
  robots: '/robots.txt',
  /** A picture among the static assets, by its content-addressed file name; served by the assets layer itself. */
  image: (file: string) => `${IMAGES_PREFIX}${file}`,
} as const;

// A site may live under a path (SITE_URL `https://example.com/blog`, a Worker
// route `example.com/blog/*`): `paths` are relative to it, and every link
// the site gives out is put under it here.
let lastSiteUrl = '';
let lastBasePath = '';

/** The path of SITE_URL, percent-encoded, without a trailing slash: '' for a site at the root of its host. */
export const basePath = (siteUrl: string): string => {
  if (siteUrl !== lastSiteUrl) {
    lastBasePath = new URL(siteUrl).pathname.replace(/\/$/, '');
    lastSiteUrl = siteUrl;
  }
  return lastBasePath;
};

/** A path from `paths` as browsers request it: under SITE_URL's path. */
export const sitePath = (siteUrl: string, path: string): string => `${basePath(siteUrl)}${path}`;

/** An absolute URL on the configured site, never the request's host; a path from `paths` stays under SITE_URL's path. */
export const absoluteUrl = (siteUrl: string, path: string): string =>
  path.startsWith('/') && !path.startsWith('//')
    ? new URL(sitePath(siteUrl, path), siteUrl).href
    : new URL(path, `${siteUrl}/`).href;

// Root-relative href and src attributes; "//host" is protocol-relative and stays as it is.
// Text never matches: pages and bodies escape every quote in it.
const ROOT_RELATIVE = /(\s(?:href|src)=")\/(?!\/)/g;

/** HTML whose root-relative links are made absolute on SITE_URL (under its path), for reading away from the site: feeds. */
export const absolutizeHtml = (html: string, siteUrl: string): string => html.replace(ROOT_RELATIVE, `$1${siteUrl}/`);

/** HTML whose root-relative links (`/articles/…`, from the body of an article too) are put under SITE_URL's path. */
export const rebaseHtml = (html: string, siteUrl: string): string => {
  const base = basePath(siteUrl);
  return base === '' ? html : html.replace(ROOT_RELATIVE, `$1${base}/`);
};
