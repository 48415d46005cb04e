import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/index.ts';
import { parseXml } from '../helpers/parse-xml.ts';

const ORIGIN = 'https://publisher.example.com';
const SLUG = 'mishustin-anonsiroval-rekordnyy-tovarooborot-mezhdu-rf-i-kazakhstanom';
// As pages show it: typeset at build.
const TITLE = 'Мишустин анонсировал рекордный товарооборот между РФ\u00a0и\u00a0Казахстаном';
const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
const attribute = (html: string, selector: RegExp) => selector.exec(html)?.[1];

describe('the article page', () => {
  const page = async () => (await get(`/articles/${SLUG}`)).text();

  it('shows the date in Russian, the author, the source and the caption once', async () => {
    const html = await page();
    expect(html).toContain('<time datetime="2022-11-28T12:00:00+03:00">28 ноября 2022</time>');
    expect(html).toContain('Автор: Редакция');
    expect(html).toContain('Источник: Вести.Ru');
    expect(html.split('Михаил Мишустин</figcaption>')).toHaveLength(2);
    expect(html).toContain('<a href="/tags/kazakhstan">Казахстан</a>');
  });

  it('carries canonical, OpenGraph and Twitter tags', async () => {
    const html = await page();
    expect(attribute(html, /<link rel="canonical" href="([^"]+)"/)).toBe(`${ORIGIN}/articles/${SLUG}`);
    expect(attribute(html, /<meta property="og:title" content="([^"]+)"/)).toBe(TITLE);
    expect(attribute(html, /<meta property="og:url" content="([^"]+)"/)).toBe(`${ORIGIN}/articles/${SLUG}`);
    expect(attribute(html, /<meta property="og:locale" content="([^"]+)"/)).toBe('ru_RU');
    expect(attribute(html, /<meta property="article:published_time" content="([^"]+)"/)).toBe(
      '2022-11-28T12:00:00+03:00',
    );
    expect(attribute(html, /<meta name="twitter:card" content="([^"]+)"/)).toBe('summary');
  });

  it('describes itself as a schema.org NewsArticle in JSON-LD that parses', async () => {
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(await page())?.[1];
    expect(JSON.parse(json!)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: TITLE,
      datePublished: '2022-11-28T12:00:00+03:00',
      inLanguage: 'ru',
      mainEntityOfPage: `${ORIGIN}/articles/${SLUG}`,
      author: { '@type': 'Organization', name: 'Редакция' },
    });
  });
});

describe('every HTML page', () => {
  it('has the feeds first in its head, and a CSP that allows no script and only its own stylesheet', async () => {
    for (const path of ['/', `/articles/${SLUG}`, '/tags/kazakhstan', '/nope']) {
      const response = await get(path);
      const html = await response.text();
      expect(html.indexOf('type="application/rss+xml"'), path).toBeLessThan(html.indexOf('<style>'));
      const csp = response.headers.get('Content-Security-Policy')!;
      expect(csp).toContain("script-src 'none'");
      expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]{43}='/);
      expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
    }
  });

  it('keeps the landing page small', async () => {
    expect((await (await get('/')).arrayBuffer()).byteLength).toBeLessThan(30 * 1024);
  });
});

describe('listing pages', () => {
  it('retire ?page=: page 1 moves to the bare path, a malformed page is 400, one past the end 404', async () => {
    const moved = await get('/?page=1', { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('Location')).toBe('/');
    expect((await get('/tags/kazakhstan?page=1', { redirect: 'manual' })).headers.get('Location')).toBe(
      '/tags/kazakhstan',
    );
    expect((await get('/?page=abc')).status).toBe(400);
    const past = await get('/?page=2');
    expect(past.status).toBe(404);
    const html = await past.text();
    expect(html).toContain('Страница не найдена');
    expect(html).not.toContain('rel="canonical"');
  });

  it('have archive pages numbered from the oldest, immutable once full', async () => {
    const filling = await get('/archive/1');
    expect(filling.status).toBe(200);
    const html = await filling.text();
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/archive/1"/>`);
    expect(html).toContain('Архив, страница 1');
    expect(html).toContain('<a href="/" rel="prev">');
    expect((await get('/archive/2')).status).toBe(404);
    expect((await get('/tags/kazakhstan/archive/1')).status).toBe(200);
    const full = await app.request('/tags/kazakhstan/archive/1', {}, { ...env, FEED_PAGE_SIZE: '1' });
    expect(full.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(await full.text()).toContain('<a href="/tags/kazakhstan/archive/2" rel="prev">');
  });
});

describe('for crawlers', () => {
  it('lists every page in a sitemap index of parts, articles with their last change', async () => {
    const response = await get('/sitemap.xml');
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
    const parts = parseXml(await response.text()).sitemapindex.sitemap;
    expect(parts).toEqual([{ loc: `${ORIGIN}/sitemaps/pages.xml` }, { loc: `${ORIGIN}/sitemaps/articles-1.xml` }]);
    const pages = parseXml(await (await get('/sitemaps/pages.xml')).text()).urlset.url;
    expect(pages[0]).toEqual({ loc: `${ORIGIN}/`, lastmod: '2022-11-28T12:00:00+03:00' });
    expect(pages).toContainEqual({ loc: `${ORIGIN}/tags/kazakhstan`, lastmod: '2022-11-28T12:00:00+03:00' });
    const articles = await get('/sitemaps/articles-1.xml');
    expect(articles.headers.get('Last-Modified')).toBe('Mon, 28 Nov 2022 09:00:00 GMT');
    expect(parseXml(await articles.text()).urlset.url).toEqual([
      { loc: `${ORIGIN}/articles/${SLUG}`, lastmod: '2022-11-28T12:00:00+03:00' },
    ]);
    for (const path of ['/sitemaps/articles-2.xml', '/sitemaps/articles-0.xml', '/sitemaps/nope.xml'])
      expect((await get(path)).status, path).toBe(404);
  });

  it('points robots.txt at the sitemap and the news sitemap', async () => {
    expect(await (await get('/robots.txt')).text()).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap.xml\nSitemap: ${ORIGIN}/sitemap-news.xml\n`,
    );
  });
});
