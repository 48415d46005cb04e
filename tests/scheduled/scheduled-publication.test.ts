// The Worker over tests/fixtures/scheduled-seeds, at instants set with
// vi.setSystemTime (Date.now() inside the Worker follows it): an embargoed
// article is absent everywhere before 21:00 Moscow time and everywhere after.
import { env, exports } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allArticles, articleCount, loadMetas, pagePositions } from '../../src/site/content-store.ts';
import { parseXml } from '../helpers/parse-xml.ts';

const ORIGIN = 'https://publisher.example.com';
const EMBARGO = 'doklad-pod-embargo';
/** 2024-03-03T21:00:00+03:00, the embargoed article's date. */
const PUBLICATION = Date.parse('2024-03-03T18:00:00Z');
/** The interview, the next article due after it. */
const NEXT = Date.parse('2024-03-10T06:00:00Z');
const BEFORE = PUBLICATION - 1000;
const AFTER = PUBLICATION + 60_000;

// Every article of the corpus, scheduled ones included, oldest first: read from the store as the Worker reads it.
const articles = await loadMetas(
  env.ASSETS,
  Array.from({ length: await articleCount(env.ASSETS) }, (_, i) => i),
);
const slugOf = (id: string) => articles.find((a) => a.id === id)!.slug;
const CURRENT = slugOf('2024-03-02-current');
const OLD = slugOf('2024-03-01-old');

const FULL = 'public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400';
const NOT_FOUND = 'public, max-age=60';

const ROUTES = [
  '/',
  `/articles/${EMBARGO}`,
  `/articles/${CURRENT}`,
  `/articles/${OLD}`,
  '/tags/ekonomika',
  '/tags/embargo',
  '/tags/politika',
  '/rss.xml',
  '/atom.xml',
  '/feed.json',
  '/feed',
  '/tags/ekonomika/rss.xml',
  '/tags/embargo/rss.xml',
  '/tags/embargo/atom.xml',
  '/tags/embargo/feed.json',
  '/feeds.opml',
  '/sitemap.xml',
  '/sitemaps/pages.xml',
  '/sitemaps/articles-1.xml',
  '/robots.txt',
];

const at = (instant: number) => vi.setSystemTime(instant);
const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
const text = async (path: string) => {
  const response = await get(path);
  return { response, body: await response.text() };
};

const rssItems = async (path: string) => {
  const { body } = await text(path);
  return (parseXml(body).rss.channel.item ?? []).map((item: { link: string }) => item.link);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('before the publication', () => {
  it('nothing of the embargoed article shows on any route: not its title, slug or tag', async () => {
    at(BEFORE);
    for (const path of ROUTES) {
      const { response, body } = await text(path);
      expect(response.status, path).toBeLessThan(500);
      expect(body.toLowerCase(), path).not.toMatch(/embargo|эмбарго/);
      expect([...response.headers].join('\n').toLowerCase(), path).not.toMatch(/embargo|эмбарго/);
    }
  });

  it('answers its URL exactly as an unknown one: the same status, bytes and headers', async () => {
    at(BEFORE);
    for (const [scheduled, unknown] of [
      [`/articles/${EMBARGO}`, '/articles/no-such-article'],
      ['/tags/embargo', '/tags/no-such-tag'],
      ['/tags/embargo/rss.xml', '/tags/no-such-tag/rss.xml'],
      ['/tags/embargo/feed.json', '/tags/no-such-tag/feed.json'],
    ] as const) {
      const [a, b] = [await text(scheduled), await text(unknown)];
      expect(a.response.status, scheduled).toBe(404);
      expect(a.body, scheduled).toBe(b.body);
      expect([...a.response.headers], scheduled).toEqual([...b.response.headers]);
    }
  });

  it('redirects another spelling of its URL with the full lifetime, to the same place before and after', async () => {
    for (const instant of [BEFORE, AFTER]) {
      at(instant);
      const response = await get(`/Articles/${EMBARGO.toUpperCase()}/`, { redirect: 'manual' });
      expect(response.status).toBe(301);
      expect(response.headers.get('Location')).toBe(`/articles/${EMBARGO}`);
      expect(response.headers.get('Cache-Control')).toBe(FULL);
    }
  });

  it('cannot be moved by anything a client sends', async () => {
    at(BEFORE);
    const future = new Date(NEXT).toUTCString();
    const response = await get(`/articles/${EMBARGO}?now=${NEXT}&time=${NEXT}`, {
      headers: { Date: future, 'If-Modified-Since': future, 'X-Now': String(NEXT), 'CF-Worker-Time': String(NEXT) },
    });
    expect(response.status).toBe(404);
    await response.arrayBuffer();
  });

  it('lists only the published articles in every feed, tag and listing, with their Last-Modified', async () => {
    at(BEFORE);
    expect(await rssItems('/rss.xml')).toEqual([`${ORIGIN}/articles/${CURRENT}`, `${ORIGIN}/articles/${OLD}`]);
    expect(await rssItems('/tags/ekonomika/rss.xml')).toHaveLength(2);
    const json = JSON.parse((await text('/feed.json')).body) as { items: unknown[] };
    expect(json.items).toHaveLength(2);
    const atom = parseXml((await text('/atom.xml')).body);
    expect(atom.feed.entry).toHaveLength(2);
    const current = articles.find((a) => a.slug === CURRENT)!;
    for (const path of ['/', '/rss.xml', '/feed.json', '/feeds.opml', '/sitemap.xml', '/tags/ekonomika']) {
      expect((await get(path)).headers.get('Last-Modified'), path).toBe(new Date(current.updated).toUTCString());
    }
    const { body: page } = await text(`/articles/${CURRENT}`);
    expect(page).toContain(`/articles/${OLD}`);
  });

  it('ends every cache lifetime the publication changes at it, and only those', async () => {
    at(BEFORE);
    for (const path of ['/', '/rss.xml', '/feed', '/tags/ekonomika', '/tags/ekonomika/atom.xml', '/feeds.opml']) {
      expect((await get(path)).headers.get('Cache-Control'), path).toBe('public, max-age=1, stale-if-error=86400');
    }
    expect((await get(`/articles/${CURRENT}`)).headers.get('Cache-Control')).toBe(
      'public, max-age=1, stale-if-error=86400',
    );
    for (const path of [`/articles/${EMBARGO}`, '/nope', '/tags/embargo/rss.xml', '/rss.xml?page=2']) {
      expect((await get(path)).headers.get('Cache-Control'), path).toBe('public, max-age=1');
    }
    // Not touched by this publication: the tag it does not carry, an article with a newer neighbour, the icon.
    expect((await get('/tags/politika')).headers.get('Cache-Control')).toBe(FULL);
    expect((await get(`/articles/${OLD}`)).headers.get('Cache-Control')).toBe(FULL);
    expect((await get('/favicon.svg')).headers.get('Cache-Control')).toBe(
      'public, max-age=86400, stale-while-revalidate=604800',
    );

    at(PUBLICATION - 10 * 60_000);
    expect((await get('/rss.xml')).headers.get('Cache-Control')).toBe(
      'public, max-age=300, stale-while-revalidate=300, stale-if-error=86400',
    );
    expect((await get('/nope')).headers.get('Cache-Control')).toBe(NOT_FOUND);
    // A 304 carries the same, shortened lifetimes.
    at(BEFORE);
    const etag = (await get('/rss.xml')).headers.get('ETag')!;
    const revalidated = await get('/rss.xml', { headers: { 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('Cache-Control')).toBe('public, max-age=1, stale-if-error=86400');
  });
});

describe('at the publication, with no deploy', () => {
  it('shows the article on every route at once, though the same isolate rendered them a second earlier', async () => {
    at(BEFORE);
    const before = new Map<string, string | null>();
    for (const path of ROUTES) before.set(path, (await get(path)).headers.get('ETag'));

    at(PUBLICATION);
    const page = await text(`/articles/${EMBARGO}`);
    expect(page.response.status).toBe(200);
    expect(page.body).toMatch(/Доклад\sпод\sэмбарго/);
    expect(await rssItems('/rss.xml')).toEqual([
      `${ORIGIN}/articles/${EMBARGO}`,
      `${ORIGIN}/articles/${CURRENT}`,
      `${ORIGIN}/articles/${OLD}`,
    ]);
    expect(await rssItems('/tags/embargo/rss.xml')).toEqual([`${ORIGIN}/articles/${EMBARGO}`]);
    expect(JSON.parse((await text('/feed.json')).body).items).toHaveLength(3);
    expect(parseXml((await text('/atom.xml')).body).feed.entry).toHaveLength(3);
    expect((await text('/')).body).toContain(`/articles/${EMBARGO}`);
    expect((await text('/tags/ekonomika')).body).toContain(`/articles/${EMBARGO}`);
    expect((await text('/tags/embargo')).response.status).toBe(200);
    expect((await text('/sitemaps/articles-1.xml')).body).toContain(`${ORIGIN}/articles/${EMBARGO}`);
    expect((await text('/sitemaps/pages.xml')).body).toContain(`${ORIGIN}/tags/embargo`);
    expect((await text('/feeds.opml')).body).toContain(`${ORIGIN}/tags/embargo/rss.xml`);
    // The article before it now links to it.
    expect((await text(`/articles/${CURRENT}`)).body).toContain(`/articles/${EMBARGO}`);
    const embargo = articles.find((a) => a.slug === EMBARGO)!;
    expect((await get('/rss.xml')).headers.get('Last-Modified')).toBe(new Date(embargo.updated).toUTCString());

    // What the publication changed has a new ETag; what it did not keeps its own.
    // The sitemap index lists its parts: one part still, so the same bytes (its Last-Modified moved).
    const unchanged = ['/tags/politika', `/articles/${OLD}`, '/robots.txt', '/sitemap.xml'];
    for (const path of ROUTES) {
      const etag = (await get(path)).headers.get('ETag');
      if (unchanged.includes(path)) expect(etag, path).toBe(before.get(path));
      else expect(etag, path).not.toBe(before.get(path));
    }
  });

  it('ignores an If-Modified-Since later than the request (RFC 9110 §13.1.3), so a skewed reader still gets the article', async () => {
    at(AFTER);
    const future = new Date(NEXT).toUTCString();
    const response = await get('/rss.xml', { headers: { 'If-Modified-Since': future } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`/articles/${EMBARGO}`);
    const lastModified = (await get('/rss.xml')).headers.get('Last-Modified')!;
    expect((await get('/rss.xml', { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304);
  });

  it('gives lifetimes up to the next scheduled article, and the same bytes for the same instant', async () => {
    at(AFTER);
    const seconds = Math.floor((NEXT - AFTER) / 1000);
    expect((await get('/rss.xml')).headers.get('Cache-Control')).toBe(FULL);
    at(NEXT - 3600_000);
    expect((await get('/rss.xml')).headers.get('Cache-Control')).toBe(
      'public, max-age=300, stale-while-revalidate=3300, stale-if-error=86400',
    );
    expect((await get('/tags/ekonomika')).headers.get('Cache-Control')).toBe(FULL);
    expect(seconds).toBeGreaterThan(300 + 86400);
    at(AFTER);
    const [a, b] = [await text('/atom.xml'), await text('/atom.xml')];
    expect(a.body).toBe(b.body);
    expect(a.response.headers.get('ETag')).toBe(b.response.headers.get('ETag'));
  });

  it('shows a scheduled article that is already past only at its time, never a render from before', async () => {
    at(NEXT - 1);
    expect(await rssItems('/tags/politika/rss.xml')).toHaveLength(1);
    at(NEXT);
    expect(await rssItems('/tags/politika/rss.xml')).toHaveLength(2);
    at(NEXT - 1);
    expect(await rssItems('/tags/politika/rss.xml')).toHaveLength(1);
  });
});

describe('a time window, as the aggregator feeds will read the store', () => {
  const TWO_DAYS = { ms: 2 * 24 * 3600_000 };

  it('holds the articles of the last days, and changes when the oldest leaves or a new one comes out', async () => {
    const current = Date.parse(articles.find((a) => a.slug === CURRENT)!.published);
    const slugs = async (list: Awaited<ReturnType<typeof allArticles>>) =>
      (await loadMetas(env.ASSETS, await pagePositions(list, { start: 0, end: list.count }))).map((a) => a.slug);
    const list = await allArticles(env.ASSETS, AFTER, TWO_DAYS);
    expect(await slugs(list)).toEqual([EMBARGO, CURRENT]);
    expect(list.count).toBe(2);
    expect(list.changesAt).toBe(current + TWO_DAYS.ms);
    const later = await allArticles(env.ASSETS, current + TWO_DAYS.ms, TWO_DAYS);
    expect(await slugs(later)).toEqual([EMBARGO]);
    expect(later.key).not.toBe(list.key);
    expect((await allArticles(env.ASSETS, BEFORE, TWO_DAYS)).changesAt).toBe(PUBLICATION);
  });
});
