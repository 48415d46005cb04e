import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/content/escape-html.ts';
import { renderRss } from '../../src/feeds/render-rss.ts';
import { makeEntry, modelOf } from '../helpers/feed-fixtures.ts';
import { HOSTILE_RUNS, hostileArticle, representable } from '../helpers/hostile-text.ts';
import { parseXml } from '../helpers/parse-xml.ts';
import { PUBLISHED, permalink, seed, seedBody, seedModel } from '../helpers/seed-feed.ts';

describe('RSS 2.0', () => {
  const rss = parseXml(renderRss(seedModel)).rss;
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
    expect(item['content:encoded']).toBe(seedBody.html);
  });

  it('is the same bytes on every render', () => {
    expect(renderRss(seedModel)).toBe(renderRss(seedModel));
  });

  it('marks an item whose language differs from the channel', () => {
    const model = modelOf([makeEntry(1, { language: 'en', title: 'In English' }), makeEntry(0)]);
    const items = parseXml(renderRss(model)).rss.channel.item;
    expect(items.map((i: Record<string, string>) => i['dc:language'])).toEqual(['en', undefined]);
  });
});

describe('RSS 2.0 under hostile input', () => {
  it('stays well-formed and shows every field as written', () => {
    fc.assert(
      fc.property(hostileArticle, ({ title, summary, author, tag, html }) => {
        const entry = makeEntry(1, { title, summary, author, tags: [{ name: tag, slug: 'tag' }] }, html);
        const model = modelOf([entry]);
        const content = representable(model.items[0]!.contentHtml);

        const item = parseXml(renderRss(model)).rss.channel.item[0];
        expect(item.title).toBe(representable(title));
        expect(item.description).toBe(escapeHtml(representable(summary)));
        expect(item['content:encoded']).toBe(content);
        expect(item['dc:creator']).toBe(representable(author));
        expect(item.category).toEqual([representable(tag)]);
      }),
      { numRuns: HOSTILE_RUNS },
    );
  });
});
