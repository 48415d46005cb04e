import { describe, expect, it } from 'vitest';
import { renderAtom } from '../../src/feeds/render-atom.ts';
import { renderJsonFeed } from '../../src/feeds/render-json-feed.ts';
import { renderRss } from '../../src/feeds/render-rss.ts';
import { makeEntry, modelOf } from '../helpers/feed-fixtures.ts';
import { validateJsonFeed } from '../helpers/json-feed-schema.ts';
import { parseXml } from '../helpers/parse-xml.ts';

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
