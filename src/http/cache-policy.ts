/**
 * How long browsers, readers and Cloudflare's cache may keep each kind of
 * response. Content changes with a deploy and with the clock: Workers Cache
 * keys include the Worker's version, so a deploy is never hidden behind stale
 * entries, and a scheduled publication shortens the lifetimes of what it changes.
 */

interface Lifetimes {
  maxAge: number;
  staleWhileRevalidate?: number;
  staleIfError?: number;
  /** Never revalidate while fresh (RFC 8246): for bytes that never change. */
  immutable?: boolean;
}

const LIFETIMES = {
  /**
   * Feeds, pages, OPML, and 301s to a URL's canonical spelling: readers poll often; a deploy is
   * seen within 5 minutes, stale copies bridge outages.
   */
  content: { maxAge: 300, staleWhileRevalidate: 86400, staleIfError: 86400 },
  /** A full archive page (RFC 5005 §4) and a full sitemap part: their bytes never change again. */
  archive: { maxAge: 31536000, immutable: true },
  /** The icon changes only with the code. */
  static: { maxAge: 86400, staleWhileRevalidate: 604800 },
  /** A missing page may appear with the next deploy or publication. */
  notFound: { maxAge: 60 },
} as const satisfies Record<string, Lifetimes>;

const format = ({ maxAge, staleWhileRevalidate, staleIfError, immutable }: Lifetimes): string =>
  [
    'public',
    `max-age=${maxAge}`,
    ...(staleWhileRevalidate ? [`stale-while-revalidate=${staleWhileRevalidate}`] : []),
    ...(staleIfError ? [`stale-if-error=${staleIfError}`] : []),
    ...(immutable ? ['immutable'] : []),
  ].join(', ');

export const CACHE_CONTROL = {
  content: format(LIFETIMES.content),
  archive: format(LIFETIMES.archive),
  static: format(LIFETIMES.static),
  notFound: format(LIFETIMES.notFound),
  /** Bad requests, 405s, server errors. */
  none: 'no-store',
} as const;

export type CachePolicy = keyof typeof CACHE_CONTROL;

/**
 * Pictures under content-addressed URLs: a changed picture gets a new URL, so
 * a copy never goes stale. Set by the assets layer (dist/assets/_headers), not per response.
 */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * The policy's Cache-Control for a response that stays true for `secondsLeft`
 * more seconds (until the next publication that changes it): max-age plus
 * stale-while-revalidate never reach past that instant, so no cache, at the
 * edge or in a reader, shows the old response after it (RFC 9111 §4.2.1,
 * RFC 5861). stale-if-error is kept: it only ever applies when the Worker fails,
 * and then an old copy is better than none. Without a limit, the constant.
 */
export const cacheControlFor = (policy: CachePolicy, secondsLeft?: number): string => {
  if (policy === 'none') return CACHE_CONTROL.none;
  const lifetimes: Lifetimes = LIFETIMES[policy];
  const total = lifetimes.maxAge + (lifetimes.staleWhileRevalidate ?? 0);
  if (secondsLeft === undefined || secondsLeft >= total) return CACHE_CONTROL[policy];
  const maxAge = Math.min(lifetimes.maxAge, secondsLeft);
  return format({
    maxAge,
    staleWhileRevalidate: secondsLeft - maxAge,
    ...(lifetimes.staleIfError ? { staleIfError: lifetimes.staleIfError } : {}),
  });
};
