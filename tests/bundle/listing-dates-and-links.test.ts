import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, startBuiltWorker } from '../../scripts/built-worker.ts';
import { parseXml } from '../helpers/parse-xml.ts';

// Three articles; the oldest was updated last, after the newest was published.
const SEEDS: Record<string, string> = {
  'oldest.md': [
    '---',
    'date: 2023-01-01T12:00:00Z',
    'updated: 2023-06-01T12:00:00Z',
    'slug: oldest',
    'tags: [Экономика]',
    '---',
    '# Старая статья',
    '',
    'Ссылки: [средняя](middle), [новая](/articles/newest), [лента](/rss.xml) и ![схема](https://cdn.example/scheme.png).',
    '',
  ].join('\n'),
  'middle.md': [
    '---',
    'date: 2023-02-01T12:00:00Z',
    'slug: middle',
    'tags: [Экономика]',
    '---',
    '# Средняя',
    '',
    'Текст.',
    '',
  ].join('\n'),
  'newest.md': [
    '---',
    'date: 2023-03-01T12:00:00Z',
    'slug: newest',
    'tags: [Политика]',
    '---',
    '# Новая',
    '',
    'Текст.',
    '',
  ].join('\n'),
};

const UPDATED = 'Thu, 01 Jun 2023 12:00:00 GMT';
const NEWEST_PUBLISHED = 'Wed, 01 Mar 2023 12:00:00 GMT';

describe('three articles, the oldest updated last', () => {
  let dir: string;
  let worker: Miniflare;
  let underPath: Miniflare;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'listing-dates-'));
    await mkdir(join(dir, 'seeds'));
    for (const [name, text] of Object.entries(SEEDS)) await writeFile(join(dir, 'seeds', name), text);
    const bundle = await buildBundle(join(dir, 'seeds'), join(dir, 'project'));
    [worker, underPath] = await Promise.all([
      startBuiltWorker(bundle),
      startBuiltWorker({ ...bundle, vars: { SITE_URL: 'https://example.com/news' } }),
    ]);
    // The first request starts workerd; the tests then time only themselves.
    await Promise.all([
      worker.dispatchFetch('http://localhost/'),
      underPath.dispatchFetch('https://example.com/news/'),
    ]).then((responses) => Promise.all(responses.map((response) => response.arrayBuffer())));
  }, 180_000);

  afterAll(async () => {
    await Promise.all([worker?.dispose(), underPath?.dispose()]);
    await rm(dir, { recursive: true, force: true });
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await worker.dispatchFetch(`http://localhost${path}`, { headers });
    return {
      status: response.status,
      lastModified: response.headers.get('Last-Modified'),
      text: await response.text(),
    };
  };

  it('dates every listing by the newest change it shows, not by its first item', async () => {
    for (const path of [
      '/',
      '/tags/ekonomika',
      '/feeds.opml',
      '/sitemap.xml',
      '/rss.xml',
      '/tags/ekonomika/atom.xml',
    ]) {
      expect((await get(path)).lastModified, path).toBe(UPDATED);
    }
    // Politics shows only the newest article.
    expect((await get('/tags/politika')).lastModified).toBe(NEWEST_PUBLISHED);
  });

  it('answers If-Modified-Since from before the update with the listing, not a 304', async () => {
    for (const path of ['/', '/tags/ekonomika', '/feeds.opml', '/sitemap.xml']) {
      expect((await get(path, { 'If-Modified-Since': NEWEST_PUBLISHED })).status, path).toBe(200);
      expect((await get(path, { 'If-Modified-Since': UPDATED })).status, path).toBe(304);
    }
  });

  it('gives each sitemap entry the Last-Modified of its page', async () => {
    // The sitemap is an index of parts: every entry of every part.
    const parts: { loc: string }[] = [parseXml((await get('/sitemap.xml')).text).sitemapindex.sitemap].flat();
    const urls: { loc: string; lastmod: string }[] = [];
    for (const part of parts) urls.push(...[parseXml((await get(new URL(part.loc).pathname)).text).urlset.url].flat());
    expect(urls).toHaveLength(6);
    for (const { loc, lastmod } of urls) {
      const page = await get(new URL(loc).pathname);
      expect(Date.parse(lastmod), loc).toBe(Date.parse(page.lastModified!));
    }
    const opml = parseXml((await get('/feeds.opml')).text);
    expect(opml.opml.head.dateModified).toBe(UPDATED);
  });

  it('puts links inside article bodies under the path of a site that has one', async () => {
    const response = await underPath.dispatchFetch('https://example.com/news/articles/oldest');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<a href="/news/articles/middle">средняя</a>');
    expect(html).toContain('<a href="/news/articles/newest">новая</a>');
    expect(html).toContain('<a href="/news/rss.xml">лента</a>');
    // Images are absolute (the build refuses root-relative ones until the site serves pictures): left as they are.
    expect(html).toContain('src="https://cdn.example/scheme.png"');
    const feedResponse = await underPath.dispatchFetch('https://example.com/news/feed.json');
    const feed = (await feedResponse.json()) as { items: { content_html: string }[] };
    expect(feed.items.at(-1)?.content_html).toContain('href="https://example.com/news/articles/middle"');
    const middle = await underPath.dispatchFetch('https://example.com/news/articles/middle');
    expect(middle.status).toBe(200);
    await middle.arrayBuffer();
  });
});
