import { describe, expect, it } from 'vitest';
import { newestLastmod, renderSitemapOfArticles } from '../../src/pages/render-sitemap.ts';
import { decodeBlocks } from '../../src/site/asset-reader.ts';
import { isNewer, newestUpdate } from '../../src/site/newest-update.ts';
import type { SiteConfig } from '../../src/site/site-config.ts';
import { parseXml } from '../helpers/parse-xml.ts';

const site = (url: string) => ({ url }) as SiteConfig;
const blocksOf = (lines: readonly string[]) => decodeBlocks(new TextEncoder().encode(`${lines.join('\n')}\n`));

describe('sitemap of articles', () => {
  // Enough lines for several blocks; each gets its own date.
  const lines = Array.from(
    { length: 3000 },
    (_, i) => `no-${i}-novost-dnya\t20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:00:00+03:00`,
  );

  it('lists each article at its URL under SITE_URL, with its last change, in order', () => {
    const pieces = renderSitemapOfArticles(site('https://example.com/news'), blocksOf(lines));
    const urls = parseXml(pieces.join('')).urlset.url;
    expect(urls).toHaveLength(lines.length);
    lines.forEach((line, i) => {
      const [slug, lastmod] = line.split('\t');
      expect(urls[i]).toEqual({ loc: `https://example.com/news/articles/${slug}`, lastmod });
    });
    // A piece a block of the store's lines, never one large string.
    expect(pieces.length).toBeGreaterThan(3);
  });

  it('percent-encodes a slug the build would not write, and takes "$" in SITE_URL as written', () => {
    const odd = ['plain\t2024-01-01T00:00:00Z', "ёж & 'x' <y>\t2024-01-02T00:00:00Z", 'last\t2024-01-03T00:00:00Z'];
    const xml = renderSitemapOfArticles(site('https://example.com/$1$&'), blocksOf(odd)).join('');
    expect(parseXml(xml).urlset.url.map((url: { loc: string }) => url.loc)).toEqual([
      'https://example.com/$1$&/articles/plain',
      `https://example.com/$1$&/articles/${encodeURIComponent("ёж & 'x' <y>")}`,
      'https://example.com/$1$&/articles/last',
    ]);
  });

  it('gives the newest last change, comparing instants across offsets', () => {
    expect(newestLastmod(blocksOf(lines))).toBe(newestUpdate(lines.map((line) => ({ updated: line.split('\t')[1]! }))));
    const mixed = ['a\t2024-01-01T10:00:00+03:00', 'b\t2024-01-01T08:00:00+00:00', 'c\t2024-01-01T09:30:00+03:00'];
    expect(newestLastmod(blocksOf(mixed))).toBe('2024-01-01T08:00:00+00:00');
    expect(newestLastmod([])).toBeUndefined();
  });
});

describe('isNewer', () => {
  it('compares instants, whatever the offsets and forms', () => {
    expect(isNewer('2024-01-01T10:00:00+03:00', undefined)).toBe(true);
    expect(isNewer('not a date', undefined)).toBe(false);
    expect(isNewer('2024-01-01T10:00:01+03:00', '2024-01-01T10:00:00+03:00')).toBe(true);
    expect(isNewer('2024-01-01T10:00:00+03:00', '2024-01-01T10:00:00+03:00')).toBe(false);
    // Later as text, earlier as an instant, and the reverse.
    expect(isNewer('2024-01-01T10:00:00+05:00', '2024-01-01T06:00:00+00:00')).toBe(false);
    expect(isNewer('2024-01-01T06:00:00+00:00', '2024-01-01T10:00:00+05:00')).toBe(true);
    expect(isNewer('2024-01-01T07:00:00Z', '2024-01-01T09:00:00+03:00')).toBe(true);
    expect(isNewer('2024-01-01T09:00:00.5+03:00', '2024-01-01T09:00:00+03:00')).toBe(true);
  });
});
