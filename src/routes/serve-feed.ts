/** Answers a feed URL: which feed, which document (its newest items or an archive page), which format, then the rendered bytes. */

import { accepts } from 'hono/accepts';
import { feedSource } from '../feeds/feed-source.ts';
import {
  DEFAULT_FEED_FORMAT,
  FEED_FORMAT_IDS,
  FEED_FORMATS,
  type FeedFormat,
  feedMediaType,
} from '../feeds/formats.ts';
import { renderFeed } from '../feeds/render-feed.ts';
import { renderOpml } from '../feeds/render-opml.ts';
import type { AppContext } from '../http/app-env.ts';
import { CACHE_CONTROL, cacheControlFor } from '../http/cache-policy.ts';
import { FEED_CORS_HEADERS } from '../http/feed-cors.ts';
import { MIME } from '../http/mime-types.ts';
import { renderOnce } from '../http/render-cache.ts';
import { sendRendered } from '../http/send-rendered.ts';
import {
  allArticles,
  findTag,
  nextSitePublication,
  publishedTags,
  siteUpdated,
  tagArticles,
} from '../site/content-store.ts';
import { archiveCount, BAD_PAGE_MESSAGE } from '../site/pagination.ts';
import { absoluteUrl, paths, sitePath } from '../site/paths.ts';
import { secondsUntil } from '../site/publication.ts';
import { siteConfig } from '../site/site-config.ts';
import { movedPage, pageKey, requestedPage } from './requested-page.ts';

/** A client error for a machine reader: short and plain; a 404 is cached briefly, a 400 not at all. */
export const feedError = async (c: AppContext, status: 400 | 404, message: string): Promise<Response> =>
  c.text(`${message}\n`, status, {
    ...FEED_CORS_HEADERS,
    'Content-Type': MIME.text,
    // A missing feed or page may appear at the next publication: a 404 is kept no longer.
    'Cache-Control':
      status === 404
        ? cacheControlFor('notFound', secondsUntil(c.var.now, await nextSitePublication(c.env.ASSETS, c.var.now)))
        : CACHE_CONTROL.none,
  });

/**
 * A feed's subscription document, or one of its archive pages (the `:page`
 * route parameter). `headers` are the route's own (the negotiated /feed's Vary).
 */
export const serveFeed = async (
  c: AppContext,
  format: FeedFormat,
  tagSlug?: string,
  headers?: Record<string, string>,
): Promise<Response> => {
  const site = siteConfig(c.env);
  const { now } = c.var;
  const tag = tagSlug === undefined ? undefined : await findTag(c.env.ASSETS, tagSlug, now);
  // Not found: unless the slug is another spelling of a tag's, which gets its redirect there.
  // A tag none of whose articles is out yet is not found either, exactly like one that never was.
  if (tagSlug !== undefined && !tag) return c.notFound();
  const list = tag ? await tagArticles(c.env.ASSETS, tag, now) : await allArticles(c.env.ASSETS, now);
  const requested = requestedPage(c, list.count, site.pageSize);
  if (requested.kind === 'bad') return feedError(c, 400, BAD_PAGE_MESSAGE);
  if (requested.kind === 'missing')
    return feedError(
      c,
      404,
      `Not Found: this feed has ${archiveCount(list.count, site.pageSize)} archive page(s), numbered from the oldest.`,
    );
  if (requested.kind === 'moved')
    return movedPage(c, paths.feed(format, tag?.slug, requested.archive), { ...FEED_CORS_HEADERS, ...headers });
  const { page } = requested;
  // The key ends in the feed's published cut (a full archive page has none: nothing changes it).
  const rendered = await renderOnce(c.env, `feed:${format}:${tag?.slug ?? ''}:${pageKey(page, list.key)}`, () =>
    renderFeed(c.env, format, feedSource(site, tag), list, page),
  );
  // A full archive page never changes; anything else may at the list's next publication.
  const options = page.full ? { policy: 'archive' as const } : { changesAt: list.changesAt };
  if (!site.hub)
    return sendRendered(c, rendered, {
      ...options,
      headers: headers ? { ...FEED_CORS_HEADERS, ...headers } : FEED_CORS_HEADERS,
    });
  // WebSub discovery (W3C WebSub §4): the hub and the topic this document is.
  const self = absoluteUrl(site.url, paths.feed(format, tag?.slug, page.archive));
  return sendRendered(c, rendered, {
    ...options,
    headers: { ...FEED_CORS_HEADERS, ...headers, Link: `<${site.hub}>; rel="hub", <${self}>; rel="self"` },
  });
};

/** Each media type /feed can answer, and its format: the format's own type first, then the ones it also negotiates. */
const NEGOTIATED = new Map<string, FeedFormat>(
  FEED_FORMAT_IDS.flatMap((format) =>
    [feedMediaType(format), ...FEED_FORMATS[format].negotiates].map((type) => [type, format]),
  ),
);
const SUPPORTED = [...NEGOTIATED.keys()];

/** /feed: the format the Accept header prefers, the default format when it has no preference. */
export const serveNegotiatedFeed = (c: AppContext): Promise<Response> => {
  const type = accepts(c, { header: 'Accept', supports: SUPPORTED, default: feedMediaType(DEFAULT_FEED_FORMAT) });
  const format = NEGOTIATED.get(type) ?? DEFAULT_FEED_FORMAT;
  const location = sitePath(siteConfig(c.env).url, paths.feed(format));
  return serveFeed(c, format, undefined, { Vary: 'Accept', 'Content-Location': location });
};

/** OPML of the feeds that exist at the request's instant: a tag's feeds join it with the tag's first article. */
export const serveOpml = async (c: AppContext): Promise<Response> => {
  const site = siteConfig(c.env);
  const list = await allArticles(c.env.ASSETS, c.var.now);
  const rendered = await renderOnce(c.env, `opml@${list.key}`, async () => {
    // Every feed of the site: the newest change anywhere on it.
    const [tags, updated] = await Promise.all([
      publishedTags(c.env.ASSETS, c.var.now),
      siteUpdated(c.env.ASSETS, c.var.now),
    ]);
    return {
      body: renderOpml(site, tags, updated),
      contentType: MIME.opml,
      ...(updated ? { modified: updated } : {}),
    };
  });
  return sendRendered(c, rendered, { headers: FEED_CORS_HEADERS, changesAt: list.changesAt });
};
