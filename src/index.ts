/** The Worker: every URL the site answers, wired to its handler, behind the rules all routes share. */
import { type Handler, Hono } from 'hono';
import { FEED_FORMAT_IDS } from './feeds/formats.ts';
import { methodNotAllowed } from './http/allowed-methods.ts';
import type { AppEnv } from './http/app-env.ts';
import { CACHE_CONTROL } from './http/cache-policy.ts';
import { canonicalRedirect } from './http/canonical-url.ts';
import { feedPreflight } from './http/feed-cors.ts';
import { MIME } from './http/mime-types.ts';
import { renderOnce } from './http/render-cache.ts';
import { requestInstant } from './http/request-instant.ts';
import { routePath } from './http/route-path.ts';
import { securityHeaders } from './http/security-headers.ts';
import { sendRendered } from './http/send-rendered.ts';
import { FAVICON_SVG } from './pages/favicon.ts';
import { renderNotFoundPage, renderRobotsTxt } from './pages/render-pages.tsx';
import { pingPublishedFeeds } from './routes/ping-published-feeds.ts';
import { serveAggregatorFeed, serveNewsSitemap } from './routes/serve-aggregator.ts';
import { feedError, serveFeed, serveNegotiatedFeed, serveOpml } from './routes/serve-feed.ts';
import { serveImage } from './routes/serve-image.ts';
import { serveArticle, serveHome, serveTag } from './routes/serve-page.ts';
import { serveSitemap, serveSitemapPart } from './routes/serve-sitemap.ts';
import { nextSitePublication } from './site/content-store.ts';
import { paths } from './site/paths.ts';

// Responses are rendered once per isolate and sent with a header list built
// once per rendered body (http/send-rendered.ts): hono/etag would hash every
// response again, and hono/secure-headers would set each header per request.
// The router sees paths inside SITE_URL's path (http/route-path.ts).
const app = new Hono<AppEnv>({ getPath: routePath });

app.use(securityHeaders());
// What is published is decided by the request's instant alone (site/publication.ts).
app.use(requestInstant());

/** GET (and so HEAD) on `path`; a feed also answers CORS preflights; any other method, plain OPTIONS too, is answered by the HTTP rules. */
const route = (path: string, handler: Handler<AppEnv>, { cors = false } = {}) => {
  if (cors) app.options(path, feedPreflight);
  app.get(path, handler);
  app.all(path, methodNotAllowed);
};

// Pages: /, /articles/<slug>, /tags/<slug>; the listings' archive pages, numbered from the oldest
// (/archive/<n>, /tags/<slug>/archive/<n>); what crawlers read (a sitemap index and its parts).
route(paths.home, serveHome);
route(paths.archive(':page'), serveHome);
route(paths.article(':slug'), serveArticle);
route(paths.tag(':tag'), serveTag);
route(paths.archive(':page', ':tag'), serveTag);
route(paths.sitemap, serveSitemap);
route(paths.sitemapPart(':file'), serveSitemapPart);
route(paths.robots, async (c) => sendRendered(c, await renderOnce(c.env, 'robots', () => renderRobotsTxt(c.env))));
route(paths.favicon, async (c) =>
  sendRendered(c, await renderOnce(c.env, 'favicon', async () => ({ body: FAVICON_SVG, contentType: MIME.svg })), {
    policy: 'static',
  }),
);

// Feeds: /rss.xml, /atom.xml, /feed.json (feeds/formats.ts), the same under /tags/<slug>/, and each one's
// archive pages (RFC 5005 §4) under …/archive/<n>/.
for (const format of FEED_FORMAT_IDS) {
  route(paths.feed(format), (c) => serveFeed(c, format), { cors: true });
  route(paths.feed(format, ':tag'), (c) => serveFeed(c, format, c.req.param('tag')), { cors: true });
  route(paths.feed(format, undefined, ':page'), (c) => serveFeed(c, format), { cors: true });
  route(paths.feed(format, ':tag', ':page'), (c) => serveFeed(c, format, c.req.param('tag')), { cors: true });
}
route(paths.negotiatedFeed, serveNegotiatedFeed, { cors: true });
route(paths.opml, serveOpml, { cors: true });

// Aggregators: /feeds/dzen.xml, /feeds/yandex.xml and /sitemap-news.xml, each the window of days it reads.
route(paths.dzenFeed, (c) => serveAggregatorFeed(c, 'dzen'), { cors: true });
route(paths.yandexFeed, (c) => serveAggregatorFeed(c, 'yandex'), { cors: true });
route(paths.newsSitemap, serveNewsSitemap);

// Pictures: served by the assets layer at the root of a host; here only for a site under a path.
route(paths.image(':file'), serveImage);

// Feed-like paths get a short text 404 that a reader can show; people get the HTML page.
const FEED_LIKE = /\.(xml|json|opml)$|^\/feed(\/|$)/;
app.notFound(async (c) => {
  const redirect = canonicalRedirect(c, (path) => FEED_LIKE.test(path));
  // Only reads are redirected: a 301 lets a client resend a POST as a GET (RFC 9110 §15.4.2). Any other
  // method on another spelling of a URL gets what it gets on the URL itself, which allows reads alone.
  if (redirect) return c.req.method === 'GET' || c.req.method === 'HEAD' ? redirect : methodNotAllowed(c);
  if (FEED_LIKE.test(c.req.path)) return feedError(c, 404, 'Not Found');
  // Any URL may start to answer at the next publication; a scheduled article's
  // URL gets these very bytes and headers, like any unknown one.
  return sendRendered(c, await renderOnce(c.env, '404', () => renderNotFoundPage(c.env)), {
    status: 404,
    policy: 'notFound',
    changesAt: await nextSitePublication(c.env.ASSETS, c.var.now),
  });
});

app.onError((error, c) => {
  // The cause goes to the logs (observability is on); the client learns nothing internal.
  console.error(`${c.req.method} ${c.req.path}:`, error);
  return c.text('Internal Server Error\n', 500, { 'Content-Type': MIME.text, 'Cache-Control': CACHE_CONTROL.none });
});

export { app };

// Requests go to the Hono app; the cron tells the WebSub hub about publications.
export default { fetch: app.fetch, scheduled: pingPublishedFeeds } satisfies ExportedHandler<Env>;
