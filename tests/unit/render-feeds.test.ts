import { describe, expect, it } from 'vitest';
import { compileArticles } from '../../src/content/compile-articles.ts';
import { createFeedModel } from '../../src/feeds/feed-model.ts';
import { renderAtom } from '../../src/feeds/render-atom.ts';
import { renderJsonFeed } from '../../src/feeds/render-json-feed.ts';
import { renderRss } from '../../src/feeds/render-rss.ts';
import { pageOf } from '../../src/site/pagination.ts';
import { validateJsonFeed } from '../helpers/json-feed-schema.ts';
import { parseXml } from '../helpers/parse-xml.ts';
import { SITE } from '../helpers/site.ts';
import { SETTINGS, seedFile } from '../helpers/sources.ts';

const { articles, bodies } = compileArticles([seedFile('txt'), seedFile('yaml')], SETTINGS);
const SOURCE = { title: SITE.title, description: SITE.description };
const model = createFeedModel(
  SITE,
  SOURCE,
  pageOf(1, 20, 1)!,
  articles.map((meta, i) => ({ meta, body: bodies[i]! })),
);
const seed = articles[0]!;
const permalink = `https://publisher.example.com/articles/${seed.slug}`;
const PUBLISHED = Date.parse('2022-11-28T09:00:00Z');

describe('RSS 2.0', () => {
  const rss = parseXml(renderRss(model)).rss;
  const item = rss.channel.item[0];

  it('describes the channel from the site settings, dated by the newest article', () => {
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.title).toBe('Лента новостей');
    expect(rss.channel.link).toBe('https://publisher.example.com/');
    expect(rss.channel.language).toBe('ru');
    expect(rss.channel['atom:link'][0]).toMatchObject({
      '@href': 'https://publisher.example.com/rss.xml',
      '@rel': 'self',
    });
    expect(Date.parse(rss.channel.lastBuildDate)).toBe(PUBLISHED);
  });

  it('carries the seed article exactly', () => {
    expect(rss.channel.item).toHaveLength(1);
    expect(item.title).toBe(seed.title);
    expect(item.link).toBe(permalink);
    expect(item.guid).toEqual({ '#text': seed.guid, '@isPermaLink': 'false' });
    expect(Date.parse(item.pubDate)).toBe(PUBLISHED);
    expect(item['dc:creator']).toBe('Редакция');
    expect(item.category).toEqual(seed.tags.map((tag) => tag.name));
    expect(item.description).toBe(seed.summary);
    expect(item['content:encoded']).toBe(bodies[0]!.html);
  });
});

describe('Atom 1.0', () => {
  const feed = parseXml(renderAtom(model)).feed;
  const entry = feed.entry[0];

  it('describes the feed from the site settings', () => {
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://publisher.example.com/');
    expect(feed.title).toBe('Лента новостей');
    expect(feed.link).toContainEqual({ '@rel': 'self', '@href': 'https://publisher.example.com/atom.xml' });
    expect(Date.parse(feed.updated)).toBe(PUBLISHED);
    expect(feed.author.name).toBe('Редакция');
  });

  it('carries the seed article exactly', () => {
    expect(entry.id).toBe(seed.guid);
    expect(entry.title['#text']).toBe(seed.title);
    expect(entry.link[0]['@href']).toBe(permalink);
    expect(Date.parse(entry.published)).toBe(PUBLISHED);
    expect(Date.parse(entry.updated)).toBe(PUBLISHED);
    expect(entry.content).toEqual({ '#text': bodies[0]!.html, '@type': 'html' });
    expect(entry.category.map((c: { '@term': string }) => c['@term'])).toEqual(seed.tags.map((tag) => tag.name));
  });
});

describe('JSON Feed 1.1', () => {
  const json = JSON.parse(renderJsonFeed(model));

  it('is valid against the JSON Feed 1.1 schema', () => {
    expect(validateJsonFeed(json), JSON.stringify(validateJsonFeed.errors)).toBe(true);
  });

  it('carries the seed article exactly', () => {
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      language: 'ru',
      feed_url: 'https://publisher.example.com/feed.json',
    });
    expect(json.items[0]).toMatchObject({
      id: seed.guid,
      url: permalink,
      title: seed.title,
      content_html: bodies[0]!.html,
      content_text: bodies[0]!.text,
      language: 'ru',
      tags: seed.tags.map((tag) => tag.name),
    });
    expect(Date.parse(json.items[0].date_published)).toBe(PUBLISHED);
  });
});

describe('every format', () => {
  it('is the same bytes on every render', () => {
    for (const render of [renderRss, renderAtom, renderJsonFeed]) expect(render(model)).toBe(render(model));
  });

  it('makes root-relative links in content absolute on the configured site', () => {
    const meta = { ...seed, image: { src: '/img/photo.png', alt: 'x' } };
    const body = {
      ...bodies[0]!,
      html: '<p><a href="/articles/x">a</a> <img src="/img/y.jpg" alt=""> <a href="//cdn.example/z">z</a></p>',
    };
    const linked = createFeedModel(SITE, SOURCE, pageOf(1, 20, 1)!, [{ meta, body }]);
    expect(linked.items[0]?.contentHtml).toBe(
      '<figure><img src="https://publisher.example.com/img/photo.png" alt="x"></figure>\n' +
        '<p><a href="https://publisher.example.com/articles/x">a</a> <img src="https://publisher.example.com/img/y.jpg" alt=""> <a href="//cdn.example/z">z</a></p>',
    );
    expect(parseXml(renderRss(linked)).rss.channel.item[0].enclosure).toMatchObject({
      '@url': 'https://publisher.example.com/img/photo.png',
      '@type': 'image/png',
    });
  });
});
