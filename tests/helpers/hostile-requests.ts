/**
 * Generated hostile requests for the Worker, and the rule every answer keeps: no 5xx, and no
 * Location that leaves the site (its origin, and its path when SITE_URL has one).
 *
 * Paths are written into the URL string raw. What `new Request` (the WHATWG URL parser, as
 * Cloudflare's edge parses them too) changes before the Worker sees it, so cannot be sent:
 * tabs and newlines are stripped, a literal "\" becomes "/", "." and ".." segments (and their
 * escapes %2e, %2E%2E) are resolved, spaces, controls and non-ASCII are percent-encoded, and
 * everything after "#" is dropped. Escapes are kept as written, so those cases are sent
 * escaped instead (%5C, %09, %0D%0A, %00, %2e inside a segment, raw bytes of invalid UTF-8).
 */
import fc from 'fast-check';
import { expect } from 'vitest';

const SLUG = 'mishustin-anonsiroval-rekordnyy-tovarooborot-mezhdu-rf-i-kazakhstanom';
const KNOWN = [
  'articles',
  'tags',
  SLUG,
  'kazakhstan',
  'rss.xml',
  'atom.xml',
  'feed.json',
  'feed',
  'feeds.opml',
  'favicon.svg',
  'sitemap.xml',
  'robots.txt',
  'blog',
];
const ODD = ['', '.', '..', '%2e', '%2E%2e', '.%2e', '%2F', '%2f', '%5C', '%5c', '\\', '%00', '%0D%0A', '%09', '%7F'];
const ODD_ESCAPES = [
  '%C2%85',
  '%FF',
  '%C0%AF',
  '%ED%A0%80',
  '%',
  '%G1',
  '%2',
  '%E2%80%AE',
  '%EF%BB%BF',
  '%25',
  '%252F',
];

/** Any Unicode scalar value, controls included (fast-check's 'binary' unit takes seconds to set up). */
export const anyCodePoint = fc
  .integer({ min: 0, max: 0x10ffff - 0x800 })
  .map((n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800));

const mixCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => Array.from(text, (char, i) => (upper[i] ? char.toUpperCase() : char)).join(''));

const hex = (byte: number, upper: boolean) => {
  const digits = byte.toString(16).padStart(2, '0');
  return `%${upper ? digits.toUpperCase() : digits}`;
};

const segment = fc.oneof(
  { arbitrary: fc.constantFrom(...KNOWN).chain(mixCase), weight: 4 },
  { arbitrary: fc.constantFrom(...ODD, ...ODD_ESCAPES), weight: 2 },
  // Valid escapes of any text, controls and non-ASCII included.
  fc.string({ unit: anyCodePoint, maxLength: 12 }).map(encodeURIComponent),
  // Escapes of arbitrary bytes, mostly not UTF-8, in either case of hex.
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.boolean()), { maxLength: 6 })
    .map((bytes) => bytes.map(([byte, upper]) => hex(byte, upper)).join('')),
  // Raw text, non-ASCII and punctuation included: the URL parser encodes it.
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  // Long segments.
  fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 2000 }),
);

const separator = fc.constantFrom('/', '/', '/', '//', '\\', '/./', '/../');

const query = fc.option(
  fc.oneof(
    fc.constantFrom('?page=2', '?page=0', '?page=-1', '?page=1e3', '?page=%FF', '?page=%0D%0A', '?utm_source=x&page=1'),
    fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).map((junk) => `?page=${junk}`),
    fc.string({ unit: 'grapheme', maxLength: 20 }).map((junk) => `?${junk}`),
  ),
  { nil: '' },
);

const junk = fc.string({ unit: 'grapheme-ascii', maxLength: 40 });

const headers = fc.record(
  {
    'If-None-Match': fc.oneof(fc.constantFrom('*', '"x"', 'W/"x", "y"', 'W/', '""'), junk),
    'If-Modified-Since': fc.oneof(
      fc.constantFrom(
        '2099',
        'Thu, 01 Jan 2099 00:00:00 GMT',
        'Mon Nov 28 09:00:00 2022',
        'Monday, 28-Nov-22 09:00:00 GMT',
      ),
      fc.date().map((date) => (Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toUTCString())),
      junk,
    ),
    Origin: fc.constantFrom('https://app.example', 'null'),
    'Access-Control-Request-Method': fc.constantFrom('GET', 'POST', 'x'),
    Accept: fc.constantFrom('application/atom+xml', 'application/feed+json;q=0.9, */*;q=0.1', '*/*', ''),
  },
  { requiredKeys: [] },
);

export const hostileRequest = (siteUrl: string) => {
  const site = new URL(siteUrl);
  const base = site.pathname.replace(/\/$/, '');
  // Under a path, start inside it, at its root, or at its name in another case.
  const prefix = base === '' ? fc.constant('') : fc.oneof(fc.constant(base), fc.constant(''), mixCase(base));
  return fc.record({
    url: fc
      .tuple(prefix, fc.array(fc.tuple(separator, segment), { maxLength: 6 }), fc.boolean(), query)
      .map(
        ([start, parts, trailing, search]) =>
          `${site.origin}${start}${parts.map(([sep, part]) => `${sep}${part}`).join('') || '/'}${trailing ? '/' : ''}${search}`,
      ),
    method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'),
    headers,
  });
};

/** Sends the request and checks the rule; a redirect is followed once, and must land (no loop, no 5xx). */
export const checkHostileRequest = async (
  fetch: (request: Request) => Promise<Response>,
  siteUrl: string,
  { url, method, headers }: { url: string; method: string; headers: Record<string, string> },
): Promise<void> => {
  const site = new URL(siteUrl);
  const base = `${site.pathname.replace(/\/$/, '')}/`;
  const label = `${method} ${url} ${JSON.stringify(headers)}`;
  const response = await fetch(new Request(url, { method, headers, redirect: 'manual' }));
  await response.arrayBuffer();
  expect(response.status, label).toBeLessThan(500);
  const location = response.headers.get('Location');
  if (location === null) return;
  // One slash, then no slash or backslash (which a browser would read as another host); printable ASCII only.
  expect(location, label).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
  const target = new URL(location, siteUrl);
  expect(target.origin, label).toBe(site.origin);
  expect(target.pathname.startsWith(base), label).toBe(true);
  const landed = await fetch(new Request(target, { redirect: 'manual' }));
  await landed.arrayBuffer();
  expect(landed.status, `${label} -> ${location}`).toBeLessThan(500);
  expect(landed.headers.get('Location'), `${label} -> ${location}`).toBeNull();
};
