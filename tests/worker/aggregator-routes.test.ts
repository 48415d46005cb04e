import { exports } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseXml } from '../helpers/parse-xml.ts';

const ORIGIN = 'https://publisher.example.com';
const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
const SEED_GUID = /^urn:uuid:/;
// The seed is dated 2022-11-28 (noon in Moscow).
const PUBLISHED = Date.parse('2022-11-28T12:00:00+03:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The Worker reads the request's instant from the clock: set it. */
const at = (instant: number) => vi.useFakeTimers({ now: instant, toFake: ['Date'] });

afterEach(() => vi.useRealTimers());

const items = async (path: string) => {
  const response = await get(path);
  expect(response.status).toBe(200);
  const channel = parseXml(await response.text()).rss.channel;
  return (channel.item ?? []) as Record<string, unknown>[];
};

describe('the aggregator feeds over time', () => {
  it('carry the seed an hour after its publication', async () => {
    at(PUBLISHED + HOUR);
    const dzen = await items('/feeds/dzen.xml');
    expect(dzen).toHaveLength(1);
    expect((dzen[0]!.guid as { '#text': string })['#text']).toMatch(SEED_GUID);
    expect(dzen[0]!['content:encoded']).toMatch(/^<p>Россия и Казахстан/);
    expect(dzen[0]!['media:rating']).toMatchObject({ '#text': 'nonadult' });
    const yandex = await items('/feeds/yandex.xml');
    expect(yandex[0]!['yandex:full-text']).toMatch(/^Россия и Казахстан/);
    const news = parseXml(await (await get('/sitemap-news.xml')).text()).urlset;
    expect(news.url).toHaveLength(1);
    expect(news.url[0]['news:news']['news:publication_date']).toBe('2022-11-28T12:00:00+03:00');
  });

  it('move with the clock: Google News drops it after two days, Dzen and Yandex after three', async () => {
    at(PUBLISHED + 2 * DAY + HOUR);
    expect(parseXml(await (await get('/sitemap-news.xml')).text()).urlset.url).toBeUndefined();
    expect(await items('/feeds/dzen.xml')).toHaveLength(1);
    at(PUBLISHED + 3 * DAY + HOUR);
    expect(await items('/feeds/dzen.xml')).toHaveLength(0);
    expect(await items('/feeds/yandex.xml')).toHaveLength(0);
  });

  it('leave out what is not published yet', async () => {
    at(PUBLISHED - HOUR);
    expect(await items('/feeds/dzen.xml')).toHaveLength(0);
    expect(parseXml(await (await get('/sitemap-news.xml')).text()).urlset.url).toBeUndefined();
  });
});

describe('the aggregator URLs over HTTP', () => {
  for (const path of ['/feeds/dzen.xml', '/feeds/yandex.xml', '/sitemap-news.xml']) {
    it(`${path}: the same bytes and ETag at the same instant, a 304 on a match, the feeds' lifetimes`, async () => {
      at(PUBLISHED + HOUR);
      const first = await get(path);
      const etag = first.headers.get('ETag')!;
      const body = await first.text();
      expect(first.headers.get('Content-Type')).toMatch(/^application\/(rss\+)?xml; charset=utf-8$/);
      expect(first.headers.get('Cache-Control')).toBe(
        'public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400',
      );
      expect(first.headers.get('Last-Modified')).toBe(new Date(PUBLISHED).toUTCString());
      const again = await get(path);
      expect(again.headers.get('ETag')).toBe(etag);
      expect(await again.text()).toBe(body);
      const conditional = await get(path, { headers: { 'If-None-Match': etag } });
      expect(conditional.status).toBe(304);
      expect(await conditional.text()).toBe('');
      // Three days on, another window: other bytes, another ETag.
      at(PUBLISHED + 3 * DAY + HOUR);
      const later = await get(path);
      expect(later.headers.get('ETag')).not.toBe(etag);
      await later.arrayBuffer();
    });
  }

  it('end their cache lifetimes when the window next changes, so no cache keeps an item past its days', async () => {
    // 100 seconds before the seed leaves Google News's two days, and Dzen's three.
    at(PUBLISHED + 2 * DAY - 100_000);
    const news = await get('/sitemap-news.xml');
    expect(news.headers.get('Cache-Control')).toBe('public, max-age=100, stale-if-error=86400');
    await news.arrayBuffer();
    at(PUBLISHED + 3 * DAY - 100_000);
    const dzen = await get('/feeds/dzen.xml');
    expect(dzen.headers.get('Cache-Control')).toBe('public, max-age=100, stale-if-error=86400');
    await dzen.arrayBuffer();
  });

  it('lets web apps read the aggregator feeds (CORS), and answers HEAD and refuses POST', async () => {
    const response = await get('/feeds/dzen.xml');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    await response.arrayBuffer();
    const head = await get('/feeds/yandex.xml', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('/sitemap-news.xml', { method: 'POST' });
    expect(post.status).toBe(405);
    await post.arrayBuffer();
  });

  it('names the news sitemap in robots.txt', async () => {
    const robots = await (await get('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml\n`);
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap-news.xml\n`);
  });
});
