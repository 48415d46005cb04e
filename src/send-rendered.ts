/** Sends a rendered response under HTTP's rules for caching and validators (RFC 9110, 9111). */
import type { Context } from 'hono';
import { CACHE_CONTROL, type CachePolicy } from './cache-policy.ts';
import type { Rendered } from './render-cache.ts';

/** If-None-Match with weak comparison: Cloudflare weakens ETags when it compresses. */
const matchesEtag = (header: string, etag: string): boolean =>
  header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);

/** If-Modified-Since, consulted only without If-None-Match (RFC 9110 §13.1.3). */
const notModifiedSince = (header: string, lastModified: string | undefined): boolean => {
  const since = Date.parse(header);
  return lastModified !== undefined && !Number.isNaN(since) && Date.parse(lastModified) <= since;
};

export interface SendOptions {
  status?: 200 | 404;
  policy?: CachePolicy;
  headers?: HeadersInit;
}

export const sendRendered = (c: Context, rendered: Rendered, { status = 200, policy = 'content', headers }: SendOptions = {}): Response => {
  const out = new Headers(headers);
  for (const [name, value] of Object.entries(rendered.headers ?? {})) out.set(name, value);
  out.set('Cache-Control', CACHE_CONTROL[policy]);
  out.set('ETag', rendered.etag);
  if (rendered.lastModified) out.set('Last-Modified', rendered.lastModified);

  if (status === 200) {
    const ifNoneMatch = c.req.header('If-None-Match');
    const ifModifiedSince = c.req.header('If-Modified-Since');
    const fresh =
      ifNoneMatch !== undefined
        ? matchesEtag(ifNoneMatch, rendered.etag)
        : ifModifiedSince !== undefined && notModifiedSince(ifModifiedSince, rendered.lastModified);
    // A 304 carries the validators and caching headers, no body and no Content-Type.
    if (fresh) return new Response(null, { status: 304, headers: out });
  }
  out.set('Content-Type', rendered.contentType);
  return new Response(rendered.body, { status, headers: out });
};
