import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/index.ts';
import { parseXml } from '../helpers/parse-xml.ts';

const get = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`https://publisher.example.com${path}`, init));

describe('feed pages', () => {
  it('marks a feed that fits in its subscription document complete', async () => {
    const response = await get('/rss.xml');
    expect(response.status).toBe(200);
    expect(parseXml(await response.text()).rss.channel).toHaveProperty('fh:complete');
  });

  it('sends a former ?page=N to where its first item is now, or answers 404 past the end', async () => {
    for (const path of ['/rss.xml', '/tags/kazakhstan/atom.xml']) {
      const moved = await get(`${path}?page=1`, { redirect: 'manual' });
      expect(moved.status, path).toBe(301);
      expect(moved.headers.get('Location')).toBe(path);
      expect(moved.headers.get('Access-Control-Allow-Origin')).toBe('*');
    }
    const past = await get('/atom.xml?page=2');
    expect(past.status).toBe(404);
    expect(await past.text()).toBe('Not Found: this feed has 1 archive page(s), numbered from the oldest.\n');
  });

  it('answers a malformed page number with 400, in plain text', async () => {
    for (const query of ['abc', '-1', '0', '1.5', '999999999999', '']) {
      const response = await get(`/feed.json?page=${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toMatch(/^Bad Request: page must be a whole number/);
    }
  });

  it('answers an unknown feed-like path with a short text 404', async () => {
    for (const path of ['/nope.xml', '/archive/2/rss.xml', '/archive/0/rss.xml', '/archive/x/feed.json']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toMatch(/^Not Found/);
    }
  });
});

describe('archive pages (RFC 5005 §4)', () => {
  it('serve the page filling up as an archive document, linked to the subscription document', async () => {
    const response = await get('/archive/1/rss.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe(
      'public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400',
    );
    const channel = parseXml(await response.text()).rss.channel;
    expect(channel['fh:archive']).toEqual({ '@xmlns:fh': 'http://purl.org/syndication/history/1.0' });
    expect(channel['atom:link'].map((l: Record<string, string>) => l['@rel'])).toEqual(['self', 'current']);
    expect(channel.item).toHaveLength(1);
  });

  it('serve a full archive page as immutable, in every format and for tags', async () => {
    // One article to a page: archive page 1 is full.
    const small = { ...env, FEED_PAGE_SIZE: '1' };
    for (const path of ['/archive/1/rss.xml', '/archive/1/atom.xml', '/tags/kazakhstan/archive/1/feed.json']) {
      const response = await app.request(path, {}, small);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Cache-Control'), path).toBe('public, max-age=31536000, immutable');
    }
    const json = await (await app.request('/archive/1/feed.json', {}, small)).json<Record<string, unknown>>();
    expect(json).toMatchObject({ feed_url: 'https://publisher.example.com/archive/1/feed.json' });
    expect(json).not.toHaveProperty('next_url');
    const atom = parseXml(await (await app.request('/archive/1/atom.xml', {}, small)).text()).feed;
    expect(atom.link.find((l: Record<string, string>) => l['@rel'] === 'next-archive')['@href']).toBe(
      'https://publisher.example.com/archive/2/atom.xml',
    );
    // …which exists, empty, until the next article fills it.
    expect((await app.request('/archive/2/atom.xml', {}, small)).status).toBe(200);
    expect((await app.request('/archive/3/atom.xml', {}, small)).status).toBe(404);
  });
});

describe('tag feeds and pages', () => {
  it('serves each tag feed in all three formats', async () => {
    const rss = parseXml(await (await get('/tags/kazakhstan/rss.xml')).text()).rss.channel;
    expect(rss.title).toBe('Лента новостей: Казахстан');
    expect(rss.item).toHaveLength(1);
    const atom = await get('/tags/kazakhstan/atom.xml');
    expect(atom.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    const json = await (await get('/tags/kazakhstan/feed.json')).json<{ feed_url: string; home_page_url: string }>();
    expect(json.feed_url).toBe('https://publisher.example.com/tags/kazakhstan/feed.json');
    expect(json.home_page_url).toBe('https://publisher.example.com/tags/kazakhstan');
  });

  it('links a tag page to its feeds, after the site feeds', async () => {
    const response = await get('/tags/kazakhstan');
    expect(response.status).toBe(200);
    const html = await response.text();
    const alternates = [...html.matchAll(/<link rel="alternate" type="[^"]+" title="[^"]+" href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(alternates).toEqual([
      'https://publisher.example.com/rss.xml',
      'https://publisher.example.com/atom.xml',
      'https://publisher.example.com/feed.json',
      'https://publisher.example.com/tags/kazakhstan/rss.xml',
      'https://publisher.example.com/tags/kazakhstan/atom.xml',
      'https://publisher.example.com/tags/kazakhstan/feed.json',
    ]);
    expect(html).toContain('<a href="/tags/kazakhstan/rss.xml">RSS</a>');
  });

  it('answers an unknown tag with 404', async () => {
    expect((await get('/tags/nope')).status).toBe(404);
    expect((await get('/tags/nope/rss.xml')).status).toBe(404);
  });
});

describe('/feed', () => {
  const negotiate = async (accept?: string) => {
    const response = await get('/feed', accept ? { headers: { Accept: accept } } : {});
    return {
      type: response.headers.get('Content-Type'),
      vary: response.headers.get('Vary'),
      location: response.headers.get('Content-Location'),
    };
  };

  it('picks the format the Accept header prefers, RSS by default, and varies on Accept', async () => {
    expect(await negotiate()).toEqual({
      type: 'application/rss+xml; charset=utf-8',
      vary: 'Accept',
      location: '/rss.xml',
    });
    expect((await negotiate('application/atom+xml')).type).toBe('application/atom+xml; charset=utf-8');
    expect((await negotiate('application/feed+json')).location).toBe('/feed.json');
    expect((await negotiate('application/json;q=0.5, application/atom+xml;q=0.9')).location).toBe('/atom.xml');
    expect((await negotiate('text/html, */*;q=0.1')).location).toBe('/rss.xml');
  });
});

describe('/feeds.opml and the icon', () => {
  it('lists every feed of the site', async () => {
    const response = await get('/feeds.opml');
    expect(response.headers.get('Content-Type')).toBe('text/x-opml; charset=utf-8');
    const outlines = parseXml(await response.text()).opml.body.outline;
    expect(outlines[0]['@xmlUrl']).toBe('https://publisher.example.com/rss.xml');
    expect(outlines[1].outline.map((o: Record<string, string>) => o['@xmlUrl'])).toContain(
      'https://publisher.example.com/tags/kazakhstan/rss.xml',
    );
  });

  it('serves the SVG icon the feeds name', async () => {
    const response = await get('/favicon.svg');
    expect(response.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(await response.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
