/** Which methods every URL allows, and the answer to any other. */
import type { Context } from 'hono';
import { CACHE_CONTROL } from './cache-policy.ts';
import { MIME } from './mime-types.ts';

export const ALLOW = 'GET, HEAD, OPTIONS';

/** Any method but GET and HEAD on a known URL: OPTIONS lists what is allowed, the rest get 405. */
export const methodNotAllowed = (c: Context): Response =>
  c.req.method === 'OPTIONS'
    ? c.body(null, 204, { Allow: ALLOW, 'Cache-Control': CACHE_CONTROL.static })
    : c.text('Method Not Allowed\n', 405, {
        Allow: ALLOW,
        'Content-Type': MIME.text,
        'Cache-Control': CACHE_CONTROL.none,
      });
