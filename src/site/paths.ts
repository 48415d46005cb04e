/** The site's URL layout: every path the Worker answers is built here. */

export const ARTICLES_PREFIX = '/articles/';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FILES: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

export const paths = {
  home: '/',
  article: (slug: string) => `${ARTICLES_PREFIX}${slug}`,
  tag: (slug: string) => `/tags/${slug}`,
  /** The site's feed, or a tag's when `tag` is given. */
  feed: (format: FeedFormat, tag?: string) => `${tag ? `/tags/${tag}` : ''}/${FEED_FILES[format]}`,
  /** Picks the format from the Accept header. */
  negotiatedFeed: '/feed',
  opml: '/feeds.opml',
  favicon: '/favicon.svg',
  sitemap: '/sitemap.xml',
  robots: '/robots.txt',
  /** Where the content build puts an article's body among the static assets. */
  articleBody: (id: string) => `/_content/articles/${id}.json`,
} as const;

/** Page 1 is the bare path, so each page has one URL. */
export const pagedPath = (path: string, page: number): string => (page === 1 ? path : `${path}?page=${page}`);

/** An absolute URL on the configured site, never the request's host. */
export const absoluteUrl = (siteUrl: string, path: string): string => new URL(path, `${siteUrl}/`).href;
