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

const titles = (xml: string) => parseXml(xml).rss.channel.item.map((i: { title: string }) => i.title);
const FH = 'http://purl.org/syndication/history/1.0';

// Articles 0…4, two to a page: the subscription document holds 4 and 3; archive pages, counted from the
// oldest, hold 0–1 and 2–3 (full) and 4 (filling up).
describe('archived feeds (RFC 5005 §4)', () => {
  it('links the subscription document to the newest full archive page, and JSON Feed pages the same way', () => {
    const model = modelOf(entries, 'current', 2);
    expect(titles(renderRss(model))).toEqual(['Статья 4', 'Статья 3']);
    expect(rssLinks(renderRss(model))).toEqual({
      self: `${base}/rss.xml`,
      'prev-archive': `${base}/archive/2/rss.xml`,
    });
    expect(atomLinks(renderAtom(model))).toMatchObject({
      self: `${base}/atom.xml`,
      'prev-archive': `${base}/archive/2/atom.xml`,
    });
    expect(parseXml(renderRss(model)).rss.channel).not.toHaveProperty('fh:archive');
    expect(JSON.parse(renderJsonFeed(model)).next_url).toBe(`${base}/archive/2/feed.json`);
  });

  it('marks archive pages, links them both ways and to the subscription document', () => {
    const full = modelOf(entries, 2, 2);
    const channel = parseXml(renderRss(full)).rss.channel;
    expect(channel['fh:archive']).toEqual({ '@xmlns:fh': FH });
    expect(titles(renderRss(full))).toEqual(['Статья 3', 'Статья 2']);
    expect(rssLinks(renderRss(full))).toEqual({
      self: `${base}/archive/2/rss.xml`,
      current: `${base}/rss.xml`,
      'prev-archive': `${base}/archive/1/rss.xml`,
      'next-archive': `${base}/archive/3/rss.xml`,
    });
    const atom = parseXml(renderAtom(full)).feed;
    expect(atom['@xmlns:fh']).toBe(FH);
    expect(atom).toHaveProperty('fh:archive');
    expect(atomLinks(renderAtom(full))).toMatchObject({ current: `${base}/atom.xml`, alternate: `${base}/archive/2` });
    expect(JSON.parse(renderJsonFeed(full)).next_url).toBe(`${base}/archive/1/feed.json`);
  });

  it('links the oldest page to no older one, and the page filling up to no newer one', () => {
    const oldest = modelOf(entries, 1, 2);
    expect(rssLinks(renderRss(oldest))).not.toHaveProperty('prev-archive');
    expect(JSON.parse(renderJsonFeed(oldest))).not.toHaveProperty('next_url');
    const filling = modelOf(entries, 3, 2);
    expect(titles(renderRss(filling))).toEqual(['Статья 4']);
    expect(rssLinks(renderRss(filling))).toEqual({
      self: `${base}/archive/3/rss.xml`,
      current: `${base}/rss.xml`,
      'prev-archive': `${base}/archive/2/rss.xml`,
    });
  });

  it('marks a feed that fits in its subscription document complete, with no archive links', () => {
    const model = modelOf(entries, 'current', 20);
    const rss = parseXml(renderRss(model)).rss.channel;
    expect(rss['fh:complete']).toEqual({ '@xmlns:fh': FH });
    expect(Object.keys(rssLinks(renderRss(model)))).toEqual(['self']);
    const atom = parseXml(renderAtom(model)).feed;
    expect(atom['@xmlns:fh']).toBe(FH);
    expect(atom).toHaveProperty('fh:complete');
    expect(Object.keys(atomLinks(renderAtom(model))).sort()).toEqual(['alternate', 'self']);
  });

  it('gives Atom the site language as xml:lang, and every document a valid JSON Feed', () => {
    expect(parseXml(renderAtom(modelOf(entries, 1, 2))).feed['@xml:lang']).toBe('ru');
    for (const page of ['current', 1, 2, 3] as const) {
      const json = JSON.parse(renderJsonFeed(modelOf(entries, page, 2)));
      expect(validateJsonFeed(json), JSON.stringify(validateJsonFeed.errors)).toBe(true);
    }
  });

  it('titles a tag feed after the tag and links its own archive', () => {
    const source = { title: 'Лента: экономика', description: 'Статьи с тегом «экономика»', tag: 'ekonomika' };
    const rss = parseXml(renderRss(modelOf(entries, 'current', 2, source))).rss.channel;
    expect(rss.title).toBe('Лента: экономика');
    expect(rss.link).toBe(`${base}/tags/ekonomika`);
    expect(rssLinks(renderRss(modelOf(entries, 'current', 2, source)))['prev-archive']).toBe(
      `${base}/tags/ekonomika/archive/2/rss.xml`,
    );
    expect(parseXml(renderRss(modelOf(entries, 1, 2, source))).rss.channel.link).toBe(
      `${base}/tags/ekonomika/archive/1`,
    );
  });
});
