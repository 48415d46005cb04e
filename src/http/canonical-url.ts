/** One canonical spelling of each URL: other spellings get a redirect to it. */
import type { Context } from 'hono';
import { CACHE_CONTROL } from './cache-policy.ts';

/** Lower case, no trailing slash, no empty segments: the one spelling of a path the site links to. */
export const canonicalPath = (path: string): string => {
  const clean = path
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');
  return clean === '' ? '/' : clean;
};

/** The only query parameter the site reads; others are dropped from canonical URLs. */
const KNOWN_PARAMS = ['page'];

/** A 301 to the canonical spelling of a URL that differs from it only in case or slashes, else undefined. */
export const canonicalRedirect = (c: Context): Response | undefined => {
  const canonical = canonicalPath(c.req.path);
  if (canonical === c.req.path) return undefined;
  const query = new URLSearchParams();
  for (const name of KNOWN_PARAMS) {
    const value = c.req.query(name);
    if (value !== undefined) query.set(name, value);
  }
  const location = query.size > 0 ? `${canonical}?${query}` : canonical;
  // Relative Location: the redirect never names the request's Host.
  return c.body(null, 301, { Location: location, 'Cache-Control': CACHE_CONTROL.content });
};
