import { env, exports } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHostileRequest, hostileRequest } from '../helpers/hostile-requests.ts';

const ORIGIN = 'https://publisher.example.com';

// The path goes into the URL string as written: `new Request` keeps percent-escapes as they are.
const get = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }));

describe('canonical-URL redirects', () => {
  it('never send a browser to another host, nor fail, on escapes that decode to slashes or controls', async () => {
    const cases: [string, number, string | null][] = [
      // A backslash is a path character here, so it stays escaped: `/\evil.com` would be `//evil.com` to a browser.
      ['/%5Cevil.com/', 301, '/%5Cevil.com'],
      ['/%5C%5Cevil.com', 404, null],
      ['/%09/evil.com/', 404, null],
      ['/%0D%0ASet-Cookie:%20a=b/', 404, null],
      ['/X%00/', 404, null],
      ['/%7F/', 404, null],
      ['/%C2%85/', 404, null],
      // Lower-casing happens on the decoded text; the Location is percent-encoded UTF-8 with upper-case hex.
      ['/ARTICLES/%D0%9F', 301, '/articles/%D0%BF'],
      ['/Tags/%d0%bf', 301, '/tags/%D0%BF'],
      // Not UTF-8, or not an escape at all: nothing to redirect to.
      ['/%FF', 404, null],
      ['/%C0%AF', 404, null],
      ['/%ED%A0%80', 404, null],
      ['/RSS%2', 404, null],
      ['/RSS%zz.xml', 404, null],
      // An escaped slash stays one segment.
      ['/Tags/a%2Fb', 301, '/tags/a%2Fb'],
    ];
    const answers = await Promise.all(
      cases.map(async ([path]) => {
        const response = await get(path);
        expect(response.headers.has('Set-Cookie'), path).toBe(false);
        return [path, response.status, response.headers.get('Location')];
      }),
    );
    expect(answers).toEqual(cases);
  });

  it('keeps nothing of the query, not even a former page number', async () => {
    const response = await get('/RSS.xml?page=%0D%0Ax&utm=1');
    expect(response.status).toBe(301);
    expect(response.headers.get('Location')).toBe('/rss.xml');
  });

  it('let web apps on other origins follow a feed redirect: it carries the CORS headers', async () => {
    for (const path of ['/RSS.xml', '/tags/Kazakhstan/feed.json', '/Feeds.opml', '/Feed/']) {
      const response = await get(path, { headers: { Origin: 'https://app.example' } });
      expect(response.status, path).toBe(301);
      expect(response.headers.get('Access-Control-Allow-Origin'), path).toBe('*');
    }
    expect((await get('/Tags/Kazakhstan')).headers.has('Access-Control-Allow-Origin')).toBe(false);
  });
});

describe('If-Modified-Since', () => {
  it('ignores a value that is not an HTTP-date, however Date.parse reads it', async () => {
    for (const value of [
      '2099',
      '2099-01-01',
      '2099-01-01T00:00:00Z',
      'Thu, 01 Jan 2099',
      'Thu, 01 Jan 2099 00:00:00',
      'Thu, 01 Jan 2099 00:00:00 +0000',
      'Thu, 1 Jan 2099 00:00:00 GMT',
      'Thu, 31 Feb 2099 00:00:00 GMT',
      'Thu, 01 Jan 2099 24:00:00 GMT',
      'Thu, 01 Jan 2099 00:00:00 GMT, Fri, 02 Jan 2099 00:00:00 GMT',
      '4102444800',
      'tomorrow',
    ]) {
      const response = await get('/rss.xml', { headers: { 'If-Modified-Since': value } });
      expect(response.status, value).toBe(200);
    }
  });

  it('accepts each of the three HTTP-date forms (RFC 9110 §5.6.7)', async () => {
    const lastModified = (await get('/rss.xml')).headers.get('Last-Modified');
    expect(lastModified).toBe('Mon, 28 Nov 2022 09:00:00 GMT');
    for (const value of [lastModified!, 'Monday, 28-Nov-22 09:00:00 GMT', 'Mon Nov 28 09:00:00 2022']) {
      expect((await get('/rss.xml', { headers: { 'If-Modified-Since': value } })).status, value).toBe(304);
    }
    for (const value of ['Monday, 28-Nov-22 08:59:59 GMT', 'Mon Nov 28 08:59:59 2022']) {
      expect((await get('/rss.xml', { headers: { 'If-Modified-Since': value } })).status, value).toBe(200);
    }
  });
});

describe('OPTIONS on a feed', () => {
  it('answers a plain OPTIONS with Allow, and only a CORS preflight without it', async () => {
    const plain: Record<string, string>[] = [
      {},
      { Origin: 'https://app.example' },
      { 'Access-Control-Request-Method': 'GET' },
    ];
    for (const headers of plain) {
      const response = await get('/rss.xml', { method: 'OPTIONS', headers });
      expect(response.status, JSON.stringify(headers)).toBe(204);
      expect(response.headers.get('Allow'), JSON.stringify(headers)).toBe('GET, HEAD, OPTIONS');
    }
    const preflight = await get('/rss.xml', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS');
  });
});

describe('any request', () => {
  it('gets no 5xx, and no redirect off the site or into a loop', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequest(env.SITE_URL), (request) =>
        checkHostileRequest((r) => exports.default.fetch(r), env.SITE_URL, request),
      ),
      { numRuns: 300 },
    );
  });
});
