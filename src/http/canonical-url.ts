/**
 * One canonical spelling of each URL: other spellings get a redirect to it.
 * It works on the raw, percent-encoded path of the request, never on a decoded one, so that a
 * Location is always a path on this site, in percent-encoded ASCII (RFC 3986 §6.2.2).
 */
import { basePath } from '../site/paths.ts';
import { siteConfig } from '../site/site-config.ts';
import type { AppContext } from './app-env.ts';
import { CACHE_CONTROL } from './cache-policy.ts';
import { FEED_CORS_HEADERS } from './feed-cors.ts';

/** The path of a request URL exactly as it arrived, escapes and all (Hono's `c.req.path` is decoded). */
export const rawPath = (url: string): string => {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start === -1) return '/';
  const end = url.slice(start).search(/[?#]/);
  return end === -1 ? url.slice(start) : url.slice(start, start + end);
};

// C0 and C1 controls and DEL: no URL of the site holds one, and in a header they break it.
const CONTROL = /\p{Cc}/u;

/**
 * The path's non-empty segments, percent-decoded; undefined when an escape is malformed, does not
 * decode to UTF-8, or decodes to a control character, or a segment is a dot segment: such a path
 * names nothing here, and gets a 404 rather than a redirect.
 */
export const decodeSegments = (raw: string): string[] | undefined => {
  const segments: string[] = [];
  for (const segment of raw.split('/')) {
    if (segment === '') continue;
    let decoded: string;
    try {
      // decodeURIComponent refuses a stray "%" and bytes that are not UTF-8 (overlong forms, surrogates) alike.
      decoded = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (CONTROL.test(decoded) || decoded === '.' || decoded === '..') return undefined;
    segments.push(decoded);
  }
  return segments;
};

// What may stand unescaped in a path segment (RFC 3986 §3.3 pchar): unreserved, sub-delims, ":" and "@".
const PCHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;

/** A decoded segment, percent-encoded as UTF-8 with upper-case hex; "/", "\" and "%" among what is escaped. */
const encodeSegment = (segment: string): string =>
  Array.from(segment, (char) => (PCHAR.test(char) ? char : encodeURIComponent(char))).join('');

/**
 * Query parameters the canonical URL keeps: none. The site reads none for what it shows;
 * a former ?page=N is answered only at its canonical spelling (routes/requested-page.ts),
 * so an odd spelling goes to the canonical URL itself, in one redirect, never two.
 */
const KNOWN_PARAMS: readonly string[] = [];

export interface CanonicalUrl {
  /** Where to redirect: a path on this site (under SITE_URL's path). */
  location: string;
  /** The canonical path inside the site, as the router knows it (`/rss.xml`). */
  path: string;
}

/**
 * The canonical spelling of a request URL that differs from it in case, slashes or escapes: lower
 * case, no trailing slash, no empty segments. Undefined when the URL is canonical already (and so
 * simply not found), outside SITE_URL's path, or not a path this site could have.
 */
export const canonicalUrl = (url: string, siteUrl: string): CanonicalUrl | undefined => {
  const raw = rawPath(url);
  const segments = decodeSegments(raw);
  const base = decodeSegments(basePath(siteUrl));
  if (!segments || !base) return undefined;
  // The site's own path is matched as configured; only what lies under it is the site's to spell.
  if (base.some((segment, i) => segments[i] !== segment)) return undefined;
  const inside = segments.slice(base.length).map((segment) => encodeSegment(segment.toLowerCase()));
  const path = `/${inside.join('/')}`;
  const canonical = `${basePath(siteUrl)}${path}`;
  if (canonical === raw) return undefined;
  const query = new URLSearchParams();
  const search = new URL(url).searchParams;
  for (const name of KNOWN_PARAMS) {
    const value = search.get(name);
    if (value !== null) query.set(name, value);
  }
  return { location: query.size > 0 ? `${canonical}?${query}` : canonical, path };
};

/** A 301 to the canonical spelling of the request's URL, else undefined; a feed's redirect carries CORS headers. */
export const canonicalRedirect = (c: AppContext, isFeed: (path: string) => boolean): Response | undefined => {
  const canonical = canonicalUrl(c.req.url, siteConfig(c.env).url);
  if (!canonical) return undefined;
  // Relative Location: the redirect never names the request's Host. A browser checks CORS on
  // each response of a redirect chain (Fetch §4.4), so a web app reading a feed needs them here too.
  // The canonical spelling depends on the URL and SITE_URL alone, never on the clock: a publication
  // changes only what the target answers (and caps the target's own lifetimes), so the redirect
  // keeps the full content lifetime.
  return c.body(null, 301, {
    ...(isFeed(canonical.path) ? FEED_CORS_HEADERS : {}),
    Location: canonical.location,
    'Cache-Control': CACHE_CONTROL.content,
  });
};
