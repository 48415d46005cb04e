/** The Worker: every URL the site answers, wired to its handler. */
import { Hono } from 'hono';
import { findArticle, findTag } from './content-store.ts';
import { MIME } from './feeds/mime-types.ts';
import { FAVICON_SVG } from './pages/favicon.ts';
import { renderArticlePage, renderHomePage, renderNotFoundPage, renderTagPage } from './pages/render-pages.tsx';
import { paths } from './paths.ts';
import { renderCache } from './render-cache.ts';
import { sendRendered } from './send-rendered.ts';
import { feedError, serveFeed, serveNegotiatedFeed, serveOpml } from './serve-feed.ts';

const app = new Hono<{ Bindings: Env }>();

// Pages.
app.get(paths.home, async (c) => sendRendered(c, await renderCache.get('home', () => renderHomePage(c.env))));
app.get(paths.article(':slug'), async (c) => {
  const meta = findArticle(c.req.param('slug') ?? '');
  if (!meta) return c.notFound();
  return sendRendered(c, await renderCache.get(`article:${meta.id}`, () => renderArticlePage(c.env, meta)));
});
app.get(paths.tag(':tag'), async (c) => {
  const tag = findTag(c.req.param('tag') ?? '');
  if (!tag) return c.notFound();
  return sendRendered(c, await renderCache.get(`tag:${tag.slug}`, () => renderTagPage(c.env, tag)));
});
app.get(paths.favicon, async (c) =>
  sendRendered(c, await renderCache.get('favicon', async () => ({ body: FAVICON_SVG, contentType: MIME.svg }))),
);

// Feeds: /rss.xml, /atom.xml, /feed.json, the same under /tags/<slug>/, each with ?page=N.
for (const format of ['rss', 'atom', 'json'] as const) {
  app.get(paths.feed(format), (c) => serveFeed(c, format));
  app.get(paths.feed(format, ':tag'), (c) => serveFeed(c, format, c.req.param('tag')));
}
app.get(paths.negotiatedFeed, serveNegotiatedFeed);
app.get(paths.opml, serveOpml);

// Feed-like paths get a short text 404 that a reader can show; people get the HTML page.
const FEED_LIKE = /\.(xml|json|opml)$|^\/feed(\/|$)/;
app.notFound(async (c) =>
  FEED_LIKE.test(c.req.path)
    ? feedError(c, 404, 'Not Found')
    : sendRendered(c, await renderCache.get('404', () => renderNotFoundPage(c.env)), 404),
);

app.onError((error, c) => {
  // The cause goes to the logs (observability is on); the client learns nothing internal.
  console.error(`${c.req.method} ${c.req.path}:`, error);
  return c.text('Internal Server Error\n', 500, { 'Content-Type': MIME.text, 'Cache-Control': 'no-store' });
});

export default app;
