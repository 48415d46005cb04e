import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/content/escape-html.ts';
import { renderAtom } from '../../src/feeds/render-atom.ts';
import { makeEntry, modelOf } from '../helpers/feed-fixtures.ts';
import { HOSTILE_RUNS, hostileArticle, representable } from '../helpers/hostile-text.ts';
import { parseXml } from '../helpers/parse-xml.ts';
import { PUBLISHED, permalink, seed, seedBody, seedModel } from '../helpers/seed-feed.ts';

describe('Atom 1.0', () => {
  const feed = parseXml(renderAtom(seedModel)).feed;
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
    expect(entry.content).toEqual({ '#text': seedBody.html, '@type': 'html' });
    expect(entry.category.map((c: { '@term': string }) => c['@term'])).toEqual(seed.tags.map((tag) => tag.name));
  });

  it('is the same bytes on every render', () => {
    expect(renderAtom(seedModel)).toBe(renderAtom(seedModel));
  });
});

describe('Atom 1.0 under hostile input', () => {
  it('stays well-formed and shows every field as written', () => {
    fc.assert(
      fc.property(hostileArticle, ({ title, summary, author, tag, html }) => {
        const entry = makeEntry(1, { title, summary, author, tags: [{ name: tag, slug: 'tag' }] }, html);
        const model = modelOf([entry]);
        const content = representable(model.items[0]!.contentHtml);

        const entryXml = parseXml(renderAtom(model)).feed.entry[0];
        expect(entryXml.title['#text']).toBe(escapeHtml(representable(title)));
        expect(entryXml.content['#text']).toBe(content);
        expect(entryXml.author.name).toBe(representable(author));
        expect(entryXml.category[0]['@term']).toBe(representable(tag));
      }),
      { numRuns: HOSTILE_RUNS },
    );
  });
});
