import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/content/escape-html.ts';
import { renderAtom } from '../../src/feeds/render-atom.ts';
import { renderJsonFeed } from '../../src/feeds/render-json-feed.ts';
import { renderRss } from '../../src/feeds/render-rss.ts';
import { makeEntry, modelOf } from '../helpers/feed-fixtures.ts';
import { validateJsonFeed } from '../helpers/json-feed-schema.ts';
import { parseXml } from '../helpers/parse-xml.ts';

// What XML 1.0 cannot carry at all; every feed drops it and keeps the rest as written.
const representable = (text: string) => text.replace(/[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

// Fragments that broke feed 6.0.0 (or could), mixed with arbitrary UTF-16, lone surrogates included.
const NASTY = [
  ']]>',
  ']]]]>',
  '<',
  '>',
  '&',
  '&amp;',
  '&lt;',
  '"',
  "'",
  '\u0000',
  '\u0008',
  '\u001f',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '</title>',
  '<![CDATA[',
  '<script>alert(1)</script>',
  '\u2028',
  '😀',
  'ё',
  'й',
  '\t',
  '\n',
];
const hostile = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom(...NASTY)), {
    minLength: 1,
    maxLength: 10,
  })
  // The content build never lets a carriage return through: it normalises line ends.
  .map((parts) => parts.join('').replace(/\r/g, ''));
// Metadata validation guarantees text fields are not blank, and tags have no "<".
const field = hostile.filter((text) => representable(text).trim() !== '');
const tagName = field.filter((tag) => !tag.includes('<'));

const article = fc.record({ title: field, summary: field, author: field, tag: tagName, html: field });

describe('feeds under hostile input', () => {
  it('stay well-formed and valid, and show every field as written', () => {
    fc.assert(
      fc.property(article, ({ title, summary, author, tag, html }) => {
        const entry = makeEntry(1, { title, summary, author, tags: [{ name: tag, slug: 'tag' }] }, html);
        const model = modelOf([entry]);
        const content = representable(model.items[0]!.contentHtml);

        const item = parseXml(renderRss(model)).rss.channel.item[0];
        expect(item.title).toBe(representable(title));
        expect(item.description).toBe(escapeHtml(representable(summary)));
        expect(item['content:encoded']).toBe(content);
        expect(item['dc:creator']).toBe(representable(author));
        expect(item.category).toEqual([representable(tag)]);

        const entryXml = parseXml(renderAtom(model)).feed.entry[0];
        expect(entryXml.title['#text']).toBe(escapeHtml(representable(title)));
        expect(entryXml.content['#text']).toBe(content);
        expect(entryXml.author.name).toBe(representable(author));
        expect(entryXml.category[0]['@term']).toBe(representable(tag));

        const json = JSON.parse(renderJsonFeed(model));
        expect(validateJsonFeed(json), JSON.stringify(validateJsonFeed.errors)).toBe(true);
        expect(json.items[0]).toMatchObject({ title, summary, authors: [{ name: author }], tags: [tag] });
      }),
      { numRuns: 300 },
    );
  });
});
