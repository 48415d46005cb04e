/**
 * CORS for the feeds: any web app may read them, conditional requests included.
 * The response headers are baked into each feed response; the middleware answers preflights only.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { ALLOW } from './allowed-methods.ts';

/** The response headers a feed reader in a browser needs: validators, the WebSub links, /feed's chosen format. */
const EXPOSED = ['ETag', 'Last-Modified', 'Link', 'Content-Location'];

export const FEED_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED.join(','),
};

const corsPreflight = cors({
  origin: '*',
  allowMethods: ALLOW.split(', '),
  allowHeaders: ['If-None-Match', 'If-Modified-Since'],
  exposeHeaders: EXPOSED,
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
