/**
 * CORS for the feeds: any web app may read them, conditional requests included.
 * The response headers are baked into each feed response; the middleware answers preflights only.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export const FEED_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag,Last-Modified,Link,Content-Location',
};

const corsPreflight = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['If-None-Match', 'If-Modified-Since'],
  exposeHeaders: ['ETag', 'Last-Modified', 'Link', 'Content-Location'],
  maxAge: 86400,
});

/**
 * Answers a CORS preflight: an OPTIONS with Origin and Access-Control-Request-Method (Fetch §3.2.2).
 * A plain OPTIONS goes on to the method rules, which list what is allowed (RFC 9110 §9.3.7).
 */
export const feedPreflight: MiddlewareHandler = (c, next) =>
  c.req.header('Origin') !== undefined && c.req.header('Access-Control-Request-Method') !== undefined
    ? corsPreflight(c, next)
    : next();
