/** Sends a rendered response under HTTP's rules for caching and validators (RFC 9110, 9111). */
import { secondsUntil } from '../site/publication.ts';
import type { AppContext } from './app-env.ts';
import { CACHE_CONTROL, type CachePolicy, cacheControlFor } from './cache-policy.ts';
import { parseHttpDate } from './http-date.ts';
import type { Rendered } from './render-cache.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

/** If-None-Match with weak comparison: Cloudflare weakens ETags when it compresses. */
const matchesEtag = (header: string, etag: string): boolean =>
  header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);

/**
 * If-Modified-Since, consulted only without If-None-Match (RFC 9110 §13.1.3). A value that is not
 * an HTTP-date is ignored, and so is one later than the request's instant, which §13.1.3 calls
 * invalid: a reader whose clock runs ahead would otherwise get 304s past a scheduled publication.
 */
const notModifiedSince = (header: string | undefined, lastModified: string | undefined, now: number): boolean => {
  if (header === undefined || lastModified === undefined) return false;
  const since = parseHttpDate(header);
  return since !== undefined && since <= now && Date.parse(lastModified) <= since;
};

export interface SendOptions {
  status?: 200 | 404;
  policy?: CachePolicy;
  /** Headers of this route: Vary, Content-Location, WebSub links. The same on every request for the same bytes. */
  headers?: Record<string, string>;
  /** The next instant (ms) at which this URL answers differently: the cache lifetimes end there. */
  changesAt?: number | undefined;
}

type HeaderList = [string, string][];

// Per rendered response and route: the full header list, built once. A
// repeat request then costs one Response with a ready-made list.
const headerLists = new WeakMap<Rendered, Map<string, { full: HeaderList; notModified: HeaderList }>>();

// Routes pass the same constant object on every request (CORS headers): its key is computed once.
const extraKeys = new WeakMap<object, string>();
const keyOf = (extra: Record<string, string>): string => {
  let key = extraKeys.get(extra);
  if (key === undefined) {
    key = JSON.stringify(extra);
    extraKeys.set(extra, key);
  }
  return key;
};

const buildHeaderLists = (rendered: Rendered, cacheControl: string, extra: Record<string, string> | undefined) => {
  const notModified: HeaderList = [
    ...SECURITY_HEADERS.map(([name, value]): [string, string] => [name, value]),
    ...Object.entries(extra ?? {}),
    ...Object.entries(rendered.headers ?? {}),
    ['Cache-Control', cacheControl],
    ['ETag', rendered.etag],
    ...(rendered.lastModified ? [['Last-Modified', rendered.lastModified] as [string, string]] : []),
  ];
  // A 304 carries the validators and caching headers, no body and no Content-Type.
  return { notModified, full: [...notModified, ['Content-Type', rendered.contentType] as [string, string]] };
};

const headerListsFor = (rendered: Rendered, policy: CachePolicy, extra: Record<string, string> | undefined) => {
  const key = extra ? `${policy}|${keyOf(extra)}` : policy;
  let byRoute = headerLists.get(rendered);
  if (!byRoute) {
    byRoute = new Map();
    headerLists.set(rendered, byRoute);
  }
  let lists = byRoute.get(key);
  if (!lists) {
    lists = buildHeaderLists(rendered, CACHE_CONTROL[policy], extra);
    byRoute.set(key, lists);
  }
  return lists;
};

export const sendRendered = (
  c: AppContext,
  rendered: Rendered,
  { status = 200, policy = 'content', headers, changesAt }: SendOptions = {},
): Response => {
  // Lifetimes cut short by a coming publication differ each second: built per request, not kept.
  const cacheControl = cacheControlFor(policy, secondsUntil(c.var.now, changesAt));
  const lists =
    cacheControl === CACHE_CONTROL[policy]
      ? headerListsFor(rendered, policy, headers)
      : buildHeaderLists(rendered, cacheControl, headers);
  if (status === 200) {
    const ifNoneMatch = c.req.header('If-None-Match');
    const fresh =
      ifNoneMatch !== undefined
        ? matchesEtag(ifNoneMatch, rendered.etag)
        : notModifiedSince(c.req.header('If-Modified-Since'), rendered.lastModified, c.var.now);
    if (fresh) return new Response(null, { status: 304, headers: lists.notModified });
  }
  return new Response(rendered.body, { status, headers: lists.full });
};
