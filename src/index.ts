/** The Worker: every URL the site answers, wired to its renderer. */
import { Hono } from 'hono';
import { findArticle } from './content-store.ts';
import { renderFeed } from './feeds/render-feed.ts';
import { MIME } from './feeds/mime-types.ts';
import { renderArticlePage, renderHomePage, renderNotFoundPage } from './pages/render-pages.tsx';
import { paths } from './paths.ts';
import { RenderCache } from './render-cache.ts';
import { sendRendered } from './send-rendered.ts';

// Rendered responses, per isolate. Content is fixed for a deployment, so a
// response is rendered once; the bound keeps memory in check at 10,000 articles.
export const renderCache = new RenderCache(32 * 1024 * 1024);

const app = new Hono<{ Bindings: Env }>();

app.get(paths.home, async (c) => sendRendered(c, await renderCache.get('home', () => renderHomePage(c.env))));

app.get(paths.article(':slug'), async (c) => {
  const meta = findArticle(c.req.param('slug') ?? '');
  if (!meta) return c.notFound();
  return sendRendered(c, await renderCache.get(`article:${meta.id}`, () => renderArticlePage(c.env, meta)));
});

app.get(paths.rss, async (c) => sendRendered(c, await renderCache.get('rss', () => renderFeed(c.env, 'rss'))));
app.get(paths.atom, async (c) => sendRendered(c, await renderCache.get('atom', () => renderFeed(c.env, 'atom'))));
app.get(paths.jsonFeed, async (c) => sendRendered(c, await renderCache.get('json', () => renderFeed(c.env, 'json'))));

app.notFound(async (c) => sendRendered(c, await renderCache.get('404', () => renderNotFoundPage(c.env)), 404));

app.onError((error, c) => {
  // The cause goes to the logs (observability is on); the client learns nothing internal.
  console.error(`${c.req.method} ${new URL(c.req.url).pathname}:`, error);
  return c.text('Internal Server Error', 500, { 'Content-Type': MIME.text, 'Cache-Control': 'no-store' });
});

export default app;
