/** The Worker: every URL the site answers, wired to its handler, behind the rules all routes share. */
import { Hono, type Handler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { CACHE_CONTROL } from './cache-policy.ts';
import { findArticle } from './content-store.ts';
import { MIME } from './feeds/mime-types.ts';
import { canonicalRedirect, methodNotAllowed } from './http-rules.ts';
import { FAVICON_SVG } from './pages/favicon.ts';
import { renderArticlePage, renderNotFoundPage, renderRobotsTxt, renderSitemapXml } from './pages/render-pages.tsx';
import { paths } from './paths.ts';
import { renderOnce } from './render-cache.ts';
import { sendRendered } from './send-rendered.ts';
import { feedError, serveFeed, serveNegotiatedFeed, serveOpml } from './serve-feed.ts';
import { serveHome, serveTag } from './serve-page.ts';

type Env_ = { Bindings: Env };
const app = new Hono<Env_>();

app.use(
  secureHeaders({
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    referrerPolicy: 'strict-origin-when-cross-origin',
    // Feeds are read by web apps on other origins; nothing here is secret.
    crossOriginResourcePolicy: 'cross-origin',
  }),
);

// Any web app may read the feeds, conditional requests included.
const feedCors = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['If-None-Match', 'If-Modified-Since'],
  exposeHeaders: ['ETag', 'Last-Modified', 'Link', 'Content-Location'],
  maxAge: 86400,
});

/** GET (and so HEAD) on `path`; any other method is answered by the HTTP rules. */
const route = (path: string, handler: Handler<Env_>, { cors: withCors = false } = {}) => {
  if (withCors) app.use(path, feedCors);
  app.get(path, handler);
  app.all(path, methodNotAllowed);
};

// Pages: /, /articles/<slug>, /tags/<slug> (listings take ?page=N), and what crawlers read.
route(paths.home, serveHome);
route(paths.article(':slug'), async (c) => {
  const meta = findArticle(c.req.param('slug') ?? '');
  if (!meta) return c.notFound();
  return sendRendered(c, await renderOnce(c.env, `article:${meta.id}`, () => renderArticlePage(c.env, meta)));
});
route(paths.tag(':tag'), serveTag);
route(paths.sitemap, async (c) => sendRendered(c, await renderOnce(c.env, 'sitemap', () => renderSitemapXml(c.env))));
route(paths.robots, async (c) => sendRendered(c, await renderOnce(c.env, 'robots', () => renderRobotsTxt(c.env))));
route(paths.favicon, async (c) =>
  sendRendered(c, await renderOnce(c.env, 'favicon', async () => ({ body: FAVICON_SVG, contentType: MIME.svg })), { policy: 'static' }),
);

// Feeds: /rss.xml, /atom.xml, /feed.json, the same under /tags/<slug>/, each with ?page=N.
for (const format of ['rss', 'atom', 'json'] as const) {
  route(paths.feed(format), (c) => serveFeed(c, format), { cors: true });
  route(paths.feed(format, ':tag'), (c) => serveFeed(c, format, c.req.param('tag')), { cors: true });
}
route(paths.negotiatedFeed, serveNegotiatedFeed, { cors: true });
route(paths.opml, serveOpml, { cors: true });

// Feed-like paths get a short text 404 that a reader can show; people get the HTML page.
const FEED_LIKE = /\.(xml|json|opml)$|^\/feed(\/|$)/;
app.notFound(async (c) => {
  const redirect = canonicalRedirect(c);
  if (redirect) return redirect;
  if (FEED_LIKE.test(c.req.path)) return feedError(c, 404, 'Not Found');
  return sendRendered(c, await renderOnce(c.env, '404', () => renderNotFoundPage(c.env)), { status: 404, policy: 'notFound' });
});

app.onError((error, c) => {
  // The cause goes to the logs (observability is on); the client learns nothing internal.
  console.error(`${c.req.method} ${c.req.path}:`, error);
  return c.text('Internal Server Error\n', 500, { 'Content-Type': MIME.text, 'Cache-Control': CACHE_CONTROL.none });
});

export default app;
