/**
 * The site's RSS against Google News's feed rules
 * (https://support.google.com/news/publisher-center/answer/9545420), checked
 * through an independent XML parser.
 */
import { describe, expect, it } from 'vitest';
import { compileArticles } from '../../src/content/compile-articles.ts';
import { renderRss } from '../../src/feeds/render-rss.ts';
import { modelOf } from '../helpers/feed-fixtures.ts';
import { parseXml, type XmlTree } from '../helpers/parse-xml.ts';
import { fixtureImage, SETTINGS, seedFile, source } from '../helpers/sources.ts';

const RULES = 'https://support.google.com/news/publisher-center/answer/9545420';
const MB = 1024 * 1024;
const encoder = new TextEncoder();

const compiled = compileArticles(
  [
    seedFile('txt'),
    seedFile('yaml'),
    source('p.txt', 'Заголовок\n\nПодпись к фото\nТекст статьи.'),
    source('p.yaml', 'date: 2022-11-29T10:00:00+03:00\nimage: p.jpg'),
    source('p.jpg', fixtureImage('lead.jpg')),
  ],
  SETTINGS,
);
const entries = compiled.articles.map((meta, i) => ({ meta, body: compiled.bodies[i]! }));
const rss = renderRss(modelOf(entries));
const items: XmlTree[] = parseXml(rss).rss.channel.item;

describe("the site's RSS meets Google News's feed rules", () => {
  it(`identifies each article by a guid that is not its title, marked isPermaLink="false" as it is no URL (${RULES})`, () => {
    for (const [i, item] of items.entries()) {
      expect(item.guid['#text']).toBe(entries[i]!.meta.guid);
      expect(item.guid['#text']).not.toBe(item.title);
      expect(item.guid['@isPermaLink']).toBe('false');
    }
  });

  it(`dates each article with pubDate (${RULES})`, () => {
    for (const [i, item] of items.entries())
      expect(Date.parse(item.pubDate)).toBe(Date.parse(entries[i]!.meta.published));
  });

  it(`carries the full text in content:encoded, longer than the description, so Google keeps it (${RULES})`, () => {
    expect(parseXml(rss).rss['@xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    for (const [i, item] of items.entries()) {
      expect(item['content:encoded']).toContain(entries[i]!.body.html);
      expect(item['content:encoded'].length).toBeGreaterThan(item.description.length);
      expect(item['content:encoded']).not.toMatch(/<script|\sstyle=/i);
    }
  });

  it(`marks pictures up with Media RSS (${RULES})`, () => {
    const pictured = items.find((item) => item.title === 'Заголовок')!;
    expect(pictured['media:content']).toMatchObject({ '@medium': 'image', '@type': 'image/jpeg', '@width': '800' });
  });

  it(`keeps a full page of seed-sized articles under 2 MB, and each article under 1 MB (${RULES})`, () => {
    // The largest page the settings allow: FEED_PAGE_SIZE is at most 100.
    const seed = entries.at(-1)!;
    const page = Array.from({ length: 100 }, (_, n) => ({
      meta: { ...seed.meta, id: `s${n}`, guid: `${seed.meta.guid.slice(0, -3)}${String(n).padStart(3, '0')}` },
      body: seed.body,
    }));
    const xml = renderRss(modelOf(page, 1, 100));
    expect(encoder.encode(xml).length).toBeLessThan(2 * MB);
    for (const item of parseXml(xml).rss.channel.item as XmlTree[]) {
      expect(encoder.encode(item['content:encoded']).length).toBeLessThan(MB);
    }
  });

  it('uses UTF-8', () => {
    expect(rss.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  });
});
