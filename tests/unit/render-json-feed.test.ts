import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderJsonFeed, renderJsonFeedPieces } from '../../src/feeds/render-json-feed.ts';
import { makeEntry, modelOf } from '../helpers/feed-fixtures.ts';
import { HOSTILE_RUNS, hostileArticle } from '../helpers/hostile-text.ts';
import { validateJsonFeed } from '../helpers/json-feed-schema.ts';
import { PUBLISHED, permalink, seed, seedBody, seedModel } from '../helpers/seed-feed.ts';

describe('JSON Feed 1.1', () => {
  const json = JSON.parse(renderJsonFeed(seedModel));

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
      content_html: seedBody.html,
      content_text: seedBody.text,
      language: 'ru',
      tags: seed.tags.map((tag) => tag.name),
    });
    expect(Date.parse(json.items[0].date_published)).toBe(PUBLISHED);
  });

  it('is the same bytes on every render', () => {
    expect(renderJsonFeed(seedModel)).toBe(renderJsonFeed(seedModel));
  });

  it('is, in pieces joined, exactly what JSON.stringify writes of the whole, with no items, one, or many', () => {
    const hostile = makeEntry(2, { title: 'a\n"b"\u2028 😀 ]]>' }, '<p>x\ny</p>');
    for (const model of [modelOf([]), modelOf([makeEntry(0)]), modelOf([hostile, makeEntry(1), makeEntry(0)])]) {
      const pieces = renderJsonFeedPieces(model);
      const text = pieces.join('');
      expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2));
      expect(pieces.length).toBe(model.items.length === 0 ? 1 : model.items.length + 2);
    }
  });

  it('gives every item its language', () => {
    const model = modelOf([makeEntry(1, { language: 'en', title: 'In English' }), makeEntry(0)]);
    expect(JSON.parse(renderJsonFeed(model)).items.map((i: { language: string }) => i.language)).toEqual(['en', 'ru']);
  });
});

describe('JSON Feed 1.1 under hostile input', () => {
  it('stays valid and keeps every field as written', () => {
    fc.assert(
      fc.property(hostileArticle, ({ title, summary, author, tag, html }) => {
        const entry = makeEntry(1, { title, summary, author, tags: [{ name: tag, slug: 'tag' }] }, html);
        const json = JSON.parse(renderJsonFeed(modelOf([entry])));
        expect(validateJsonFeed(json), JSON.stringify(validateJsonFeed.errors)).toBe(true);
        expect(json.items[0]).toMatchObject({ title, summary, authors: [{ name: author }], tags: [tag] });
      }),
      { numRuns: HOSTILE_RUNS },
    );
  });
});
