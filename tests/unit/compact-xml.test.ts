import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as asImported from 'xml-js';
import { type CompactOptions, js2xml } from '../../src/feeds/compact-xml.ts';

// xml-js itself, loaded by Node past the alias that puts compact-xml.ts in its place (tests/vitest.config.ts).
const xmlJs = createRequire(import.meta.url)('xml-js') as { js2xml: (tree: object, options: object) => string };

// Text as the feed library hands it over, and the cases xml-js treats apart: "&amp;", markup, "]]>", quotes.
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '&amp;', 'a & b &amp; c', '<b>x</b>', ']]>', 'x]]>y]]>z', 'say "hi"', 'ё 😀'),
);
const attributes = fc.dictionary(
  fc.constantFrom('href', 'type', 'rel', 'xml:space'),
  fc.oneof(text, fc.integer(), fc.constantFrom(undefined, null, 'preserve')),
  { maxKeys: 3, noNullPrototype: true },
);
const NAMES = ['item', 'title', 'link', 'category', 'atom:link'] as const;

/** Compact trees of every shape xml-js writes: attributes, text, CDATA, comments, empty and repeated elements. */
const { element } = fc.letrec<{ element: Record<string, unknown>; node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constantFrom(undefined, null),
    tie('element'),
    fc.array(fc.oneof(text, tie('element')), { maxLength: 3 }),
  ),
  element: fc
    .uniqueArray(
      fc.oneof(
        fc.tuple(fc.constant('_attributes'), attributes),
        fc.tuple(fc.constant('_text'), fc.oneof(text, fc.integer())),
        // xml-js takes CDATA as a string only.
        fc.tuple(fc.constant('_cdata'), text),
        fc.tuple(fc.constant('_comment'), text),
        fc.tuple(fc.constantFrom(...NAMES), tie('node')),
      ),
      { selector: ([key]) => key, maxLength: 5 },
    )
    .map((members) => Object.fromEntries(members)),
}));

const document = fc.record(
  {
    // Even an ignored comment ends xml-js's first line, before which it writes no line break.
    _comment: text,
    _declaration: fc.constant({ _attributes: { version: '1.0', encoding: 'utf-8' } }),
    _instruction: fc.constantFrom(
      { 'xml-stylesheet': { _attributes: { href: '/style.xsl', type: 'text/xsl' } } },
      { pi: 'a="b"' },
      { pi: '' },
    ),
    rss: element,
  },
  { requiredKeys: ['rss'], noNullPrototype: true },
);

const options = fc.record(
  {
    compact: fc.constant(true as const),
    ignoreComment: fc.boolean(),
    spaces: fc.constantFrom(4, 2, 0, '\t'),
  },
  { noNullPrototype: true },
);

describe('compact-xml, in place of xml-js', () => {
  it('is what an import of xml-js gets, in the tests as in the Worker', () => {
    expect(asImported.js2xml).toBe(js2xml);
  });

  it('writes what xml-js writes, byte for byte, for any compact tree', () => {
    fc.assert(
      fc.property(document, options, (tree, opts: CompactOptions) => {
        expect(js2xml(tree, opts)).toBe(xmlJs.js2xml(tree, opts));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes what xml-js writes for the feed library’s own shapes', () => {
    const feed = {
      _declaration: { _attributes: { version: '1.0', encoding: 'utf-8' } },
      rss: {
        _attributes: { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom' },
        channel: {
          title: { _text: 'A &amp; B <c>' },
          category: [],
          docs: '',
          ttl: 0,
          item: [
            { title: { _cdata: 'x ]]> y' }, guid: { _attributes: { isPermaLink: false }, _text: 'urn:uuid:1' } },
            { enclosure: { _attributes: { url: 'https://e.com/a.jpg?a=1&amp;b="2"', length: 10, type: undefined } } },
          ],
        },
      },
    };
    const opts = { compact: true, ignoreComment: true, spaces: 4 } as const;
    expect(js2xml(feed, opts)).toBe(xmlJs.js2xml(feed, opts));
  });

  it('refuses options it does not implement, rather than write something else', () => {
    expect(() => js2xml({}, { compact: false } as unknown as CompactOptions)).toThrow(/compact/);
    expect(() => js2xml({}, { compact: true, fullTagEmptyElement: true } as CompactOptions)).toThrow(
      /fullTagEmptyElement/,
    );
  });
});
