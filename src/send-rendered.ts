/** Sends a rendered response under HTTP's rules for validators. */
import type { Context } from 'hono';
import type { Rendered } from './render-cache.ts';

/** If-None-Match with weak comparison: Cloudflare weakens ETags when it compresses. */
const matchesEtag = (header: string, etag: string): boolean =>
  header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);

export const sendRendered = (c: Context, rendered: Rendered, status: 200 | 404 = 200, extra?: HeadersInit): Response => {
  const headers = new Headers(extra);
  headers.set('Content-Type', rendered.contentType);
  headers.set('ETag', rendered.etag);
  if (rendered.lastModified) headers.set('Last-Modified', rendered.lastModified);
  const ifNoneMatch = c.req.header('If-None-Match');
  if (status === 200 && ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, rendered.etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(rendered.body, { status, headers });
};
