// Run by the "worker-subpath" project (tests/vitest.config.ts), whose SITE_URL has a path:
// the site as deployed on a Worker route `example.com/blog/*`.
import { env, exports } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHostileRequest, hostileRequest } from '../helpers/hostile-requests.ts';
import { parseXml } from '../helpers/parse-xml.ts';

const SITE = 'https://example.com/blog';
const SLUG = 'mishustin-anonsiroval-rekordnyy-tovarooborot-mezhdu-rf-i-kazakhstanom';

const get = (url: string, init?: RequestInit) =>
  exports.default.fetch(new Request(new URL(url, `${SITE}/`), { redirect: 'manual', ...init }));

/** Every link in a page (href, src, OpenGraph and JSON-LD URLs), read by workerd's own HTML parser. */
const pageLinks = async (response: Response): Promise<string[]> => {
  const links: string[] = [];
  let jsonLd = '';
  await new HTMLRewriter()
    .on('[href]', { element: (element) => void links.push(element.getAttribute('href')!) })
    .on('[src]', { element: (element) => void links.push(element.getAttribute('src')!) })
    .on('meta[property="og:url"], meta[property="og:image"]', {
      element: (element) => void links.push(element.getAttribute('content')!),
    })
    .on('script[type="application/ld+json"]', {
      text: (text) => {
        jsonLd += text.text;
      },
    })
    .transform(response)
    .text();
  if (jsonLd) {
    const data = JSON.parse(jsonLd);
    links.push(data.url, data.mainEntityOfPage, data.publisher.logo.url);
  }
  return links;
};

/** Every URL of this host named in a feed, sitemap, robots.txt or OPML. */
const textLinks = (text: string): string[] => text.match(/https?:\/\/example\.com[^\s"<>]*/g) ?? [];

describe('a site under a path (SITE_URL https://example.com/blog)', () => {
  it('is what the project runs with', () => {
    expect(env.SITE_URL).toBe(SITE);
  });

  it('answers its URLs under the path, and nothing outside it', async () => {
    for (const path of ['/blog/', `/blog/articles/${SLUG}`, '/blog/tags/kazakhstan', '/blog/rss.xml', '/blog/feed']) {
      expect((await get(path)).status, path).toBe(200);
    }
    for (const path of ['/', '/rss.xml', `/articles/${SLUG}`, '/blogrss.xml', '/Blog/rss.xml', '/other/blog/']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      await response.arrayBuffer();
    }
  });

  it('redirects other spellings to the canonical URL under the path', async () => {
    for (const [from, to] of [
      ['/blog', '/blog/'],
      ['/blog/RSS.xml', '/blog/rss.xml'],
      ['/blog//tags/Kazakhstan/', '/blog/tags/kazakhstan'],
      ['/blog/Feed.json?page=2&x=1', '/blog/feed.json'],
    ]) {
      const response = await get(from!);
      expect(response.status, from).toBe(301);
      expect(response.headers.get('Location'), from).toBe(to);
    }
  });

  it('keeps the path in every link of every page, feed, sitemap, robots.txt and OPML, and each link answers', async () => {
    const seen = new Set<string>();
    const queue = [`${SITE}/`, `${SITE}/sitemap.xml`, `${SITE}/robots.txt`, `${SITE}/feeds.opml`];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await get(url);
      expect(response.status, url).toBe(200);
      const type = response.headers.get('Content-Type') ?? '';
      const links = type.startsWith('text/html') ? await pageLinks(response) : textLinks(await response.text());
      for (const link of links) {
        const resolved = new URL(link, url);
        expect(resolved.origin, `${link} in ${url}`).toBe('https://example.com');
        expect(resolved.pathname, `${link} in ${url}`).toMatch(/^\/blog\//);
        resolved.hash = '';
        queue.push(resolved.href);
      }
    }
    // The crawl reached every kind of URL the site has.
    for (const path of ['/', `/articles/${SLUG}`, '/tags/kazakhstan', '/rss.xml', '/tags/kazakhstan/feed.json']) {
      expect(seen, path).toContain(`${SITE}${path}`);
    }
  });

  it('names its feeds under the path in each format and in the headers', async () => {
    const rss = parseXml(await (await get('/blog/rss.xml')).text()).rss.channel;
    expect(rss.link).toBe(`${SITE}/`);
    expect(rss.item[0].link).toBe(`${SITE}/articles/${SLUG}`);
    const json = await (await get('/blog/feed.json')).json<{ feed_url: string; items: { url: string }[] }>();
    expect(json.feed_url).toBe(`${SITE}/feed.json`);
    expect(json.items[0]?.url).toBe(`${SITE}/articles/${SLUG}`);
    const negotiated = await get('/blog/feed', { headers: { Accept: 'application/atom+xml' } });
    expect(negotiated.headers.get('Content-Location')).toBe('/blog/atom.xml');
  });

  it('gets no 5xx, and no redirect off the site, out of its path or into a loop, for any request', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequest(SITE), (request) =>
        checkHostileRequest((r) => exports.default.fetch(r), SITE, request),
      ),
      { numRuns: 300 },
    );
  });
});
