import { describe, expect, it } from 'vitest';
import { renderAtom } from '../../src/feeds/render-atom.ts';
import { renderJsonFeed } from '../../src/feeds/render-json-feed.ts';
import { renderOpml } from '../../src/feeds/render-opml.ts';
import { renderRss } from '../../src/feeds/render-rss.ts';
import { pageOf, parsePage } from '../../src/site/pagination.ts';
import { makeEntry, modelOf } from '../helpers/feed-fixtures.ts';
import { validateJsonFeed } from '../helpers/json-feed-schema.ts';
import { parseXml } from '../helpers/parse-xml.ts';
import { SITE } from '../helpers/site.ts';

// Five articles, newest first, two to a page: pages of 2, 2 and 1.
const entries = [4, 3, 2, 1, 0].map((n) => makeEntry(n));
const rssLinks = (xml: string) =>
  Object.fromEntries(
    parseXml(xml).rss.channel['atom:link'].map((l: Record<string, string>) => [l['@rel'], l['@href']]),
  );
const atomLinks = (xml: string) =>
  Object.fromEntries(parseXml(xml).feed.link.map((l: Record<string, string>) => [l['@rel'], l['@href']]));
const base = 'https://publisher.example.com';

describe('feed paging (RFC 5005)', () => {
  it('links the first page to the next and last ones', () => {
    const model = modelOf(entries, 1, 2);
    expect(rssLinks(renderRss(model))).toEqual({
      self: `${base}/rss.xml`,
      first: `${base}/rss.xml`,
      next: `${base}/rss.xml?page=2`,
      last: `${base}/rss.xml?page=3`,
    });
    expect(atomLinks(renderAtom(model))).toMatchObject({
      self: `${base}/atom.xml`,
      next: `${base}/atom.xml?page=2`,
      last: `${base}/atom.xml?page=3`,
    });
    expect(JSON.parse(renderJsonFeed(model)).next_url).toBe(`${base}/feed.json?page=2`);
  });

  it('links a middle page both ways, and the last page back only', () => {
    expect(rssLinks(renderRss(modelOf(entries, 2, 2)))).toMatchObject({
      previous: `${base}/rss.xml`,
      next: `${base}/rss.xml?page=3`,
    });
    const last = modelOf(entries, 3, 2);
    expect(rssLinks(renderRss(last))).not.toHaveProperty('next');
    expect(parseXml(renderRss(last)).rss.channel.item.map((i: { title: string }) => i.title)).toEqual(['Статья 0']);
    expect(JSON.parse(renderJsonFeed(last))).not.toHaveProperty('next_url');
  });

  it('marks a feed that fits on one page complete, with no paging links', () => {
    const model = modelOf(entries, 1, 20);
    const rss = parseXml(renderRss(model)).rss.channel;
    expect(rss['fh:complete']).toEqual({ '@xmlns:fh': 'http://purl.org/syndication/history/1.0' });
    expect(Object.keys(rssLinks(renderRss(model)))).toEqual(['self']);
    const atom = parseXml(renderAtom(model)).feed;
    expect(atom['@xmlns:fh']).toBe('http://purl.org/syndication/history/1.0');
    expect(atom).toHaveProperty('fh:complete');
    expect(Object.keys(atomLinks(renderAtom(model))).sort()).toEqual(['alternate', 'self']);
  });

  it('gives Atom the site language as xml:lang, and every page a valid JSON Feed', () => {
    expect(parseXml(renderAtom(modelOf(entries, 1, 2))).feed['@xml:lang']).toBe('ru');
    for (const page of [1, 2, 3]) {
      const json = JSON.parse(renderJsonFeed(modelOf(entries, page, 2)));
      expect(validateJsonFeed(json), JSON.stringify(validateJsonFeed.errors)).toBe(true);
    }
  });

  it('titles a tag feed after the tag and links its own pages', () => {
    const model = modelOf(entries, 1, 2, {
      title: 'Лента: экономика',
      description: 'Статьи с тегом «экономика»',
      tag: 'ekonomika',
    });
    const rss = parseXml(renderRss(model)).rss.channel;
    expect(rss.title).toBe('Лента: экономика');
    expect(rss.link).toBe(`${base}/tags/ekonomika`);
    expect(rssLinks(renderRss(model)).next).toBe(`${base}/tags/ekonomika/rss.xml?page=2`);
  });
});

describe('page numbers', () => {
  it('reads whole numbers from 1, and nothing else', () => {
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage('7')).toBe(7);
    for (const bad of ['', '0', '-1', 'abc', '1.5', '01', '1e3', '999999999999', ' 2'])
      expect(parsePage(bad)).toBeUndefined();
  });

  it('has no page past the last, and always a first page', () => {
    expect(pageOf(5, 2, 3)).toEqual({ number: 3, count: 3, start: 4, end: 5 });
    expect(pageOf(5, 2, 4)).toBeUndefined();
    expect(pageOf(0, 20, 1)).toEqual({ number: 1, count: 1, start: 0, end: 0 });
  });
});

describe('OPML', () => {
  it('lists the site feed and each tag feed once, in RSS', () => {
    const opml = parseXml(
      renderOpml(SITE, [{ slug: 'ekonomika', name: 'экономика', articles: [0] }], '2022-11-28T12:00:00+03:00'),
    ).opml;
    expect(opml['@version']).toBe('2.0');
    expect(opml.head.title).toBe('Лента новостей');
    expect(opml.body.outline[0]).toMatchObject({
      '@type': 'rss',
      '@xmlUrl': `${base}/rss.xml`,
      '@htmlUrl': `${base}/`,
    });
    expect(opml.body.outline[1].outline).toMatchObject({
      '@xmlUrl': `${base}/tags/ekonomika/rss.xml`,
      '@text': 'Лента новостей: экономика',
    });
  });
});

describe('item language', () => {
  it('marks an item whose language differs from the channel', () => {
    const model = modelOf([makeEntry(1, { language: 'en', title: 'In English' }), makeEntry(0)]);
    const items = parseXml(renderRss(model)).rss.channel.item;
    expect(items.map((i: Record<string, string>) => i['dc:language'])).toEqual(['en', undefined]);
    expect(JSON.parse(renderJsonFeed(model)).items.map((i: { language: string }) => i.language)).toEqual(['en', 'ru']);
  });
});
