import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, decodeSegments, rawPath } from '../../src/http/canonical-url.ts';
import { anyCodePoint } from '../helpers/hostile-requests.ts';

describe('canonicalUrl', () => {
  const SITE = 'https://publisher.example.com';
  const location = (path: string, site = SITE) => canonicalUrl(`${new URL(site).origin}${path}`, site)?.location;

  it('leaves a canonical path as it is, whatever its query', () => {
    for (const path of ['/', '/rss.xml', '/articles/kurs-rublya', '/tags/kazakhstan/atom.xml', '/rss.xml?page=2&utm=x'])
      expect(location(path), path).toBeUndefined();
  });

  it('lowers the case, drops trailing slashes and merges repeated ones, and the query', () => {
    expect(location('/RSS.xml')).toBe('/rss.xml');
    expect(location('/articles/Kurs-Rublya/')).toBe('/articles/kurs-rublya');
    expect(location('//tags///kazakhstan//')).toBe('/tags/kazakhstan');
    expect(location('/RSS.xml/?utm_source=x&page=2')).toBe('/rss.xml');
    expect(canonicalUrl(`${SITE}/Tags/X/rss.xml`, SITE)?.path).toBe('/tags/x/rss.xml');
  });

  it('keeps the root a single slash', () => {
    for (const path of ['//', '///']) expect(location(path), path).toBe('/');
  });

  it('lowers the text, not the escapes, and writes escapes in upper case', () => {
    expect(location('/ARTICLES/%D0%9F')).toBe('/articles/%D0%BF');
    expect(location('/articles/%d0%bf')).toBe('/articles/%D0%BF');
    expect(location('/A%2FB')).toBe('/a%2Fb');
    expect(location('/%5Cevil.com/')).toBe('/%5Cevil.com');
  });

  it('gives no redirect for malformed escapes, bytes that are not UTF-8, controls and dot segments', () => {
    for (const path of [
      '/%FF',
      '/A%',
      '/A%2',
      '/A%zz',
      '/%C0%AF',
      '/%ED%A0%80',
      '/X%00/',
      '/%09/A',
      '/%0D%0A/',
      '/%7F/',
      '/%C2%85/',
    ])
      expect(location(path), path).toBeUndefined();
    expect(decodeSegments('/a/%2e%2e/b')).toBeUndefined();
    expect(decodeSegments('//a/%D0%9F/')).toEqual(['a', 'П']);
  });

  it('stays under the path of a site that has one, and leaves what is outside it alone', () => {
    const site = 'https://example.com/blog';
    expect(location('/blog', site)).toBe('/blog/');
    expect(location('/blog/RSS.xml', site)).toBe('/blog/rss.xml');
    expect(location('/blog//Tags/A/', site)).toBe('/blog/tags/a');
    for (const path of ['/Blog/rss.xml', '/RSS.xml', '/blogx/RSS.xml'])
      expect(location(path, site), path).toBeUndefined();
  });

  it('reads the path as sent, escapes and all', () => {
    expect(rawPath('https://example.com/a%2Fb/%D0%9F?x=%20#y')).toBe('/a%2Fb/%D0%9F');
    expect(rawPath('https://example.com')).toBe('/');
  });

  it('is canonical itself: the Location of a redirect never redirects again', () => {
    const segment = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: anyCodePoint, maxLength: 8 }).map(encodeURIComponent),
      fc.constantFrom('%2F', '%5c', '%FF', '%', '.', '..', '', 'RSS.xml', 'Tags'),
    );
    for (const site of [SITE, 'https://example.com/blog', 'https://example.com/%D0%B1%D0%BB%D0%BE%D0%B3']) {
      fc.assert(
        fc.property(fc.array(segment, { maxLength: 5 }), (segments) => {
          const url = new URL(`${site}/${segments.join('/')}`).href;
          const canonical = canonicalUrl(url, site);
          if (!canonical) return;
          expect(canonical.location).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
          expect(canonicalUrl(new URL(canonical.location, site).href, site)).toBeUndefined();
        }),
      );
    }
  });
});
