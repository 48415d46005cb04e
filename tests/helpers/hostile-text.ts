/** Hostile article text for property tests of the feed renderers (fast-check). */
import fc from 'fast-check';

/** What XML 1.0 cannot carry at all; every feed drops it and keeps the rest as written. */
export const representable = (text: string) =>
  text.replace(/[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

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
/**
 * Any code points, lone surrogates included: fast-check's `unit: 'binary'`, without the reverse map of all
 * 1,114,112 code points it builds on first use (seconds per test file).
 */
export const anyText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)), maxLength });

const hostile = fc
  .array(fc.oneof(anyText(8), fc.constantFrom(...NASTY)), {
    minLength: 1,
    maxLength: 10,
  })
  // The content build never lets a carriage return through: it normalises line ends.
  .map((parts) => parts.join('').replace(/\r/g, ''));
// Metadata validation guarantees text fields are not blank, and tags have no "<".
const field = hostile.filter((text) => representable(text).trim() !== '');
const tagName = field.filter((tag) => !tag.includes('<'));

/** An article's text fields, each hostile. */
export const hostileArticle = fc.record({ title: field, summary: field, author: field, tag: tagName, html: field });

/** Runs per property: enough to meet every fragment in many combinations, quick enough for `npm test`. */
export const HOSTILE_RUNS = 300;
