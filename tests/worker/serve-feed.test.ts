import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../helpers/parse-xml.ts';

const get = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`https://publisher.example.com${path}`, init));

describe('feed pages', () => {
  it('serves page 1 with ?page=1, and marks a feed that fits complete', async () => {
    const response = await get('/rss.xml?page=1');
    expect(response.status).toBe(200);
    expect(parseXml(await response.text()).rss.channel).toHaveProperty('fh:complete');
  });

  it('answers a malformed page number with 400 and a page past the end with 404, in plain text', async () => {
    for (const query of ['abc', '-1', '0', '1.5', '999999999999', '']) {
      const response = await get(`/feed.json?page=${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toMatch(/^Bad Request: page must be a whole number/);
    }
    const past = await get('/atom.xml?page=2');
    expect(past.status).toBe(404);
    expect(await past.text()).toBe('Not Found: this feed has 1 page(s).\n');
  });

  it('answers an unknown feed-like path with a short text 404', async () => {
    const response = await get('/nope.xml');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not Found\n');
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
