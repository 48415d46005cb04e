import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { FEED_FORMAT_IDS, FEED_FORMATS, feedMediaType } from '../../src/feeds/formats.ts';

const get = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`https://publisher.example.com${path}`, init));

// Each entry of the registry is all a format needs: routes, negotiation and links follow from it.
describe.each(FEED_FORMAT_IDS)('the %s format, from its registry entry alone', (format) => {
  const { file, contentType, name } = FEED_FORMATS[format];

  it('is served at the site root and under each tag, with its Content-Type', async () => {
    for (const path of [`/${file}`, `/tags/kazakhstan/${file}`, `/${file}?page=1`]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Content-Type'), path).toBe(contentType);
      await response.arrayBuffer();
    }
  });

  it('is what /feed answers to a client that asks for its media type', async () => {
    const response = await get('/feed', { headers: { Accept: feedMediaType(format) } });
    expect(response.headers.get('Content-Location')).toBe(`/${file}`);
    expect(response.headers.get('Content-Type')).toBe(contentType);
    await response.arrayBuffer();
  });

  it('is announced on pages and offered in the subscribe box and the footer', async () => {
    const html = await (await get('/tags/kazakhstan')).text();
    expect(html).toContain(
      `<link rel="alternate" type="${feedMediaType(format)}" title="Лента новостей (${name})" href="https://publisher.example.com/${file}"/>`,
    );
    expect(html).toContain(`href="https://publisher.example.com/tags/kazakhstan/${file}"/>`);
    expect(html).toContain(`<a href="/tags/kazakhstan/${file}">${name}</a>`);
    expect(html).toContain(` · <a href="/${file}">${name}</a>`);
  });
});
