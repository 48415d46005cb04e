/**
 * How long browsers, readers and Cloudflare's cache may keep each kind of
 * response. Content is fixed for a deployment; Workers Cache keys include the
 * Worker's version, so a deploy is never hidden behind stale entries.
 */

export const CACHE_CONTROL = {
  /** Feeds, pages, OPML: readers poll often; a deploy is seen within 5 minutes, stale copies bridge outages. */
  content: 'public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400',
  /** The icon changes only with the code. */
  static: 'public, max-age=86400, stale-while-revalidate=604800',
  /** A missing page may appear with the next deploy. */
  notFound: 'public, max-age=60',
  /** Bad requests, redirects of odd spellings, server errors. */
  none: 'no-store',
} as const;

export type CachePolicy = keyof typeof CACHE_CONTROL;
