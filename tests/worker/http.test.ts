import { env, exports } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { renderCacheFor } from '../../src/http/render-cache.ts';
import { app } from '../../src/index.ts';
import { siteConfig } from '../../src/site/site-config.ts';

const ORIGIN = 'https://publisher.example.com';
const SLUG = 'mishustin-anonsiroval-rekordnyy-tovarooborot-mezhdu-rf-i-kazakhstanom';
const ROUTES = [
  '/',
  `/articles/${SLUG}`,
  '/tags/kazakhstan',
  '/rss.xml',
  '/atom.xml',
  '/feed.json',
  '/tags/kazakhstan/rss.xml',
  '/feed',
  '/feeds.opml',
  '/favicon.svg',
];

const get = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`${ORIGIN}${path}`, init));

describe('caching', () => {
  it('renders each response once per isolate; repeats and HEAD are served from memory', async () => {
    const cache = renderCacheFor(siteConfig(env));
    await app.request('/atom.xml', {}, env);
    const before = cache.renders;
    for (const init of [{}, { method: 'HEAD' }, { headers: { 'If-None-Match': '"x"' } }]) {
      expect((await app.request('/atom.xml', init, env)).status).toBe(200);
    }
    await app.request('/atom.xml?utm_source=newsletter&fbclid=1', {}, env);
    expect(cache.renders).toBe(before);
  });

  it('sends a Cache-Control for every kind of response', async () => {
    expect((await get('/feed.json')).headers.get('Cache-Control')).toBe(
      'public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400',
    );
    expect((await get('/')).headers.get('Cache-Control')).toBe(
      'public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400',
    );
    expect((await get('/favicon.svg')).headers.get('Cache-Control')).toBe(
      'public, max-age=86400, stale-while-revalidate=604800',
    );
    expect((await get('/nope')).headers.get('Cache-Control')).toBe('public, max-age=60');
    expect((await get('/rss.xml?page=x')).headers.get('Cache-Control')).toBe('no-store');
  });

  it('keeps Last-Modified at the newest article shown', async () => {
    expect((await get('/rss.xml')).headers.get('Last-Modified')).toBe('Mon, 28 Nov 2022 09:00:00 GMT');
  });
});

describe('conditional GET', () => {
  it('answers a matching If-None-Match with 304, strong, weak, in a list or *', async () => {
    for (const path of ROUTES) {
      const first = await get(path);
      const etag = first.headers.get('ETag')!;
      expect(etag, path).toMatch(/^"[\w-]{24}"$/);
      for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const response = await get(path, { headers: { 'If-None-Match': header } });
        expect(response.status, `${path} ${header}`).toBe(304);
        expect(response.headers.get('ETag')).toBe(etag);
        expect(response.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'));
        expect(response.headers.has('Content-Type')).toBe(false);
        expect(await response.text()).toBe('');
      }
    }
  });

  it('answers If-Modified-Since with 304 when nothing is newer, and lets If-None-Match decide when both are sent', async () => {
    const lastModified = (await get('/rss.xml')).headers.get('Last-Modified')!;
    expect((await get('/rss.xml', { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304);
    expect((await get('/rss.xml', { headers: { 'If-Modified-Since': 'Sun, 27 Nov 2022 09:00:00 GMT' } })).status).toBe(
      200,
    );
    expect((await get('/rss.xml', { headers: { 'If-Modified-Since': 'not a date' } })).status).toBe(200);
    expect(
      (await get('/rss.xml', { headers: { 'If-Modified-Since': lastModified, 'If-None-Match': '"stale"' } })).status,
    ).toBe(200);
  });

  it('gives the same ETag for the same bytes, and a different one for other bytes', async () => {
    const tags = await Promise.all(
      ['/rss.xml', '/rss.xml', '/atom.xml'].map(async (p) => (await get(p)).headers.get('ETag')),
    );
    expect(tags[0]).toBe(tags[1]);
    expect(tags[0]).not.toBe(tags[2]);
  });
});

describe('HEAD', () => {
  it('answers like GET, without a body', async () => {
    for (const path of ROUTES) {
      const [full, head] = [await get(path), await get(path, { method: 'HEAD' })];
      expect(head.status, path).toBe(200);
      expect(head.headers.get('ETag')).toBe(full.headers.get('ETag'));
      expect(head.headers.get('Content-Type')).toBe(full.headers.get('Content-Type'));
      expect(await head.text()).toBe('');
    }
  });
});

describe('methods', () => {
  it('answers other methods on every route with 405 and Allow', async () => {
    for (const path of ROUTES) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const response = await get(path, { method });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
      }
    }
  });

  it('answers OPTIONS on a page with its Allow list', async () => {
    const response = await get('/', { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('CORS', () => {
  it('lets any origin read the feeds', async () => {
    const response = await get('/feed.json', { headers: { Origin: 'https://app.example' } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Expose-Headers')).toContain('ETag');
    const error = await get('/feed.json?page=x', { headers: { Origin: 'https://app.example' } });
    expect(error.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
  });

  it('answers a preflight for a conditional request', async () => {
    const response = await get('/tags/kazakhstan/feed.json', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS');
    expect(response.headers.get('Access-Control-Allow-Headers')).toBe('If-None-Match,If-Modified-Since');
  });

  it('does not open the HTML pages to other origins', async () => {
    expect(
      (await get('/', { headers: { Origin: 'https://app.example' } })).headers.has('Access-Control-Allow-Origin'),
    ).toBe(false);
  });
});

describe('security headers', () => {
  it('are on every response, errors included', async () => {
    for (const path of [...ROUTES, '/nope', '/rss.xml?page=0', '/RSS.xml']) {
      const headers = (await get(path)).headers;
      expect(headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
      expect(headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
    }
  });
});

describe('canonical URLs', () => {
  it('redirects case and trailing-slash variants with 301, dropping the query', async () => {
    const cases: [string, string][] = [
      ['/RSS.xml', '/rss.xml'],
      [`/articles/${SLUG}/`, `/articles/${SLUG}`],
      [`/Articles/${SLUG.toUpperCase()}`, `/articles/${SLUG}`],
      ['/tags/kazakhstan/', '/tags/kazakhstan'],
      ['/Feed.json?page=2&utm_source=x', '/feed.json'],
      ['//rss.xml', '/rss.xml'],
    ];
    for (const [from, to] of cases) {
      const response = await get(from, { redirect: 'manual' });
      expect(response.status, from).toBe(301);
      expect(response.headers.get('Location')).toBe(to);
    }
  });

  it('redirects reads only: other methods on another spelling get what they get on the URL itself', async () => {
    for (const from of ['/RSS.xml', `/articles/${SLUG}/`, '/Feed.json']) {
      expect((await get(from, { method: 'HEAD', redirect: 'manual' })).status, from).toBe(301);
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const response = await get(from, { method, redirect: 'manual' });
        expect(response.status, `${method} ${from}`).toBe(405);
        expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
        expect(response.headers.get('Location')).toBeNull();
      }
      expect((await get(from, { method: 'OPTIONS', redirect: 'manual' })).status, from).toBe(204);
    }
  });

  it('ignores query parameters the site does not use', async () => {
    const [plain, tracked] = [await get('/rss.xml'), await get('/rss.xml?utm_source=x&ref=y')];
    expect(tracked.status).toBe(200);
    expect(tracked.headers.get('ETag')).toBe(plain.headers.get('ETag'));
  });
});

describe('hostile requests', () => {
  it('never lets Host or X-Forwarded-Host into a response', async () => {
    for (const path of ROUTES) {
      const spoofed = await exports.default.fetch(
        new Request(`https://evil.example${path}`, {
          headers: { 'X-Forwarded-Host': 'evil.example', Forwarded: 'host=evil.example' },
        }),
      );
      const honest = await get(path);
      expect(spoofed.headers.get('ETag'), path).toBe(honest.headers.get('ETag'));
      expect(await spoofed.text()).not.toContain('evil.example');
    }
    const redirect = await exports.default.fetch(new Request('https://evil.example/RSS.xml', { redirect: 'manual' }));
    expect(redirect.headers.get('Location')).toBe('/rss.xml');
  });

  it('answers a failure with a short 500 and no internals, and logs the cause', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { ...env, ASSETS: { fetch: async () => new Response('gone', { status: 500 }) } };
    const response = await app.request('/rss.xml', {}, broken);
    expect(response.status).toBe(500);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.text()).toBe('Internal Server Error\n');
    expect(log).toHaveBeenCalledWith(
      'GET /rss.xml:',
      expect.objectContaining({ message: expect.stringMatching(/^content asset .* missing/) }),
    );
    log.mockRestore();
  });

  it('answers a bad setting with a 500, not a broken feed', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await app.request('/rss.xml', {}, { ...env, SITE_URL: 'not a url' });
    expect(response.status).toBe(500);
    expect(log).toHaveBeenCalledWith(
      'GET /rss.xml:',
      expect.objectContaining({ message: expect.stringMatching(/^invalid site setting SITE_URL/) }),
    );
    log.mockRestore();
  });

  it('checks the time zone where a page shows a date: a page answers a bad one with a 500 naming it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const badZone = { ...env, SITE_TIME_ZONE: 'Mars/Olympus' };
    const page = await app.request('/', {}, badZone);
    expect(page.status).toBe(500);
    expect(log).toHaveBeenCalledWith(
      'GET /:',
      expect.objectContaining({
        message: expect.stringContaining(
          'SITE_TIME_ZONE: must be an IANA time zone such as Europe/Moscow, not "Mars/Olympus"',
        ),
      }),
    );
    // A feed's dates carry their own offsets: the Worker does not spend a first request on checking the zone.
    expect((await app.request('/rss.xml', {}, badZone)).status).toBe(200);
    log.mockRestore();
  });
});

describe('WebSub', () => {
  it('advertises a configured hub in headers and in each format', async () => {
    const withHub = { ...env, WEBSUB_HUB: 'https://hub.example/' };
    const rss = await app.request('/rss.xml', {}, withHub);
    expect(rss.headers.get('Link')).toBe(`<https://hub.example/>; rel="hub", <${ORIGIN}/rss.xml>; rel="self"`);
    expect(await rss.text()).toContain('<atom:link href="https://hub.example/" rel="hub"/>');
    expect(await (await app.request('/atom.xml', {}, withHub)).text()).toContain(
      '<link rel="hub" href="https://hub.example/"/>',
    );
    expect((await (await app.request('/feed.json', {}, withHub)).json<{ hubs: unknown }>()).hubs).toEqual([
      { type: 'WebSub', url: 'https://hub.example/' },
    ]);
    expect((await get('/rss.xml')).headers.has('Link')).toBe(false);
  });
});
