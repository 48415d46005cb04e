/** The site's URL layout: every path the Worker answers is built here. */

export const ARTICLES_PREFIX = '/articles/';

export const paths = {
  home: '/',
  article: (slug: string) => `${ARTICLES_PREFIX}${slug}`,
  rss: '/rss.xml',
  atom: '/atom.xml',
  jsonFeed: '/feed.json',
  /** Where the content build puts an article's body among the static assets. */
  articleBody: (id: string) => `/_content/articles/${id}.json`,
} as const;

/** An absolute URL on the configured site, never the request's host. */
export const absoluteUrl = (siteUrl: string, path: string): string => new URL(path, `${siteUrl}/`).href;
