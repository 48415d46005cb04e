/**
 * CORS for the feeds: any web app may read them, conditional requests included.
 * The response headers are baked into each feed response; the middleware answers preflights only.
 */
import { cors } from 'hono/cors';

export const FEED_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag,Last-Modified,Link,Content-Location',
};

export const feedPreflight = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['If-None-Match', 'If-Modified-Since'],
  exposeHeaders: ['ETag', 'Last-Modified', 'Link', 'Content-Location'],
  maxAge: 86400,
});
