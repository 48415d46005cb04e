import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../helpers/parse-xml.ts';

const SLUG = 'mishustin-anonsiroval-rekordnyy-tovarooborot-mezhdu-rf-i-kazakhstanom';
const TITLE = 'Мишустин анонсировал рекордный товарооборот между РФ и Казахстаном';
// As pages set it (typograf at build): no-break spaces bind «и» to its neighbours.
const PAGE_TITLE = 'Мишустин анонсировал рекордный товарооборот между РФ\u00a0и\u00a0Казахстаном';

const get = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`https://publisher.example.com${path}`, init));

describe('the site', () => {
  it('lists the seed article on / with a link to its page', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html><html lang="ru">/);
    expect(html).toContain(`<a href="/articles/${SLUG}">${PAGE_TITLE}</a>`);
    expect(html).toContain('28 ноября 2022');
  });

  it('serves the article page with the caption once and the full text', async () => {
    const response = await get(`/articles/${SLUG}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<h1>${PAGE_TITLE}</h1>`);
    expect(html).toContain('Мишустин в\u00a0понедельник');
    expect(html.match(/Михаил Мишустин<\/figcaption>/g)).toHaveLength(1);
    expect(html).toContain('подписали декларацию по\u00a0случаю 30-летия');
    expect(html).toContain('<p>«В\u00a0январе–октябре этого года');
    expect(html).not.toContain('Подписывайтесь');
    expect(html).toContain(`<link rel="canonical" href="https://publisher.example.com/articles/${SLUG}"/>`);
  });

  it('answers an unknown page or article with a 404 page', async () => {
    for (const path of ['/nope', '/articles/nope']) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('Страница не найдена');
    }
  });
});

describe('the feeds', () => {
  it('serves RSS with the seed article', async () => {
    const response = await get('/rss.xml');
    expect(response.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8');
    const item = parseXml(await response.text()).rss.channel.item[0];
    expect(item.title).toBe(TITLE);
    // Feeds carry the text as written: straight quotes, hyphens, plain spaces.
    expect(item['content:encoded']).toContain('<p>&quot;В январе-октябре этого года');
    expect(item.link).toBe(`https://publisher.example.com/articles/${SLUG}`);
  });

  it('serves Atom with the seed article', async () => {
    const response = await get('/atom.xml');
    expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    expect(parseXml(await response.text()).feed.entry[0].title['#text']).toBe(TITLE);
  });

  it('serves JSON Feed 1.1 with the seed article', async () => {
    const response = await get('/feed.json');
    expect(response.headers.get('Content-Type')).toBe('application/feed+json; charset=utf-8');
    const json = await response.json<{ version: string; items: { title: string }[] }>();
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0]?.title).toBe(TITLE);
  });

  it('builds every link from the configured site URL, whatever the Host header says', async () => {
    const response = await exports.default.fetch(
      new Request('https://evil.example/rss.xml', { headers: { 'X-Forwarded-Host': 'evil.example' } }),
    );
    const xml = await response.text();
    expect(xml).not.toContain('evil.example');
    expect(xml).toContain('https://publisher.example.com/rss.xml');
  });

  it('returns 304 when If-None-Match matches, weakly', async () => {
    const first = await get('/feed.json');
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/feed.json', { headers: { 'If-None-Match': `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});
