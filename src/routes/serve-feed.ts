/** Answers a feed URL: which feed, which page, which format, then the rendered bytes. */

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
import { allArticles, findTag, nextSitePublication, publishedTags, siteUpdated } from '../site/content-store.ts';
import { BAD_PAGE_MESSAGE, pageCount, pageOf, parsePage } from '../site/pagination.ts';
import { absoluteUrl, pagedPath, paths, sitePath } from '../site/paths.ts';
import { secondsUntil } from '../site/publication.ts';
import { siteConfig } from '../site/site-config.ts';

/** A client error for a machine reader: short and plain; a 404 is cached briefly, a 400 not at all. */
export const feedError = (c: AppContext, status: 400 | 404, message: string): Response =>
  c.text(`${message}\n`, status, {
    ...FEED_CORS_HEADERS,
    'Content-Type': MIME.text,
    // A missing feed or page may appear at the next publication: a 404 is kept no longer.
    'Cache-Control':
      status === 404
        ? cacheControlFor('notFound', secondsUntil(c.var.now, nextSitePublication(c.var.now)))
        : CACHE_CONTROL.none,
  });

export const serveFeed = async (
  c: AppContext,
  format: FeedFormat,
  tagSlug?: string,
  headers?: Record<string, string>,
): Promise<Response> => {
  const number = parsePage(c.req.query('page'));
  if (number === undefined) return feedError(c, 400, BAD_PAGE_MESSAGE);
  const site = siteConfig(c.env);
  const tag = tagSlug === undefined ? undefined : findTag(tagSlug, c.var.now);
  // Not found: unless the slug is another spelling of a tag's, which gets its redirect there.
  // A tag none of whose articles is out yet is not found either, exactly like one that never was.
  if (tagSlug !== undefined && !tag) return c.notFound();
  const { source, list } = feedSource(site, c.var.now, tag);
  const page = pageOf(list.count, site.pageSize, number);
  if (!page) return feedError(c, 404, `Not Found: this feed has ${pageCount(list.count, site.pageSize)} page(s).`);
  // The key ends in the feed's published cut: a render from before a publication is never served after it.
  const rendered = await renderOnce(c.env, `feed:${format}:${tag?.slug ?? ''}:${page.number}@${list.key}`, () =>
    renderFeed(c.env, format, source, list, page),
  );
  const { changesAt } = list;
  if (!site.hub)
    return sendRendered(c, rendered, {
      headers: headers ? { ...FEED_CORS_HEADERS, ...headers } : FEED_CORS_HEADERS,
      changesAt,
    });
  // WebSub discovery (W3C WebSub §4): the hub and the topic this page is.
  const self = absoluteUrl(site.url, pagedPath(paths.feed(format, tag?.slug), page.number));
  return sendRendered(c, rendered, {
    headers: { ...FEED_CORS_HEADERS, ...headers, Link: `<${site.hub}>; rel="hub", <${self}>; rel="self"` },
    changesAt,
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
  const page = parsePage(c.req.query('page')) ?? 1;
  const location = sitePath(siteConfig(c.env).url, pagedPath(paths.feed(format), page));
  return serveFeed(c, format, undefined, { Vary: 'Accept', 'Content-Location': location });
};

/** OPML of the feeds that exist at the request's instant: a tag's feeds join it with the tag's first article. */
export const serveOpml = async (c: AppContext): Promise<Response> => {
  const site = siteConfig(c.env);
  const list = allArticles(c.var.now);
  const rendered = await renderOnce(c.env, `opml@${list.key}`, async () => {
    // Every feed of the site: the newest change anywhere on it.
    const updated = siteUpdated(c.var.now);
    return {
      body: renderOpml(site, publishedTags(c.var.now), updated),
      contentType: MIME.opml,
      ...(updated ? { modified: updated } : {}),
    };
  });
  return sendRendered(c, rendered, { headers: FEED_CORS_HEADERS, changesAt: list.changesAt });
};
