/** Guards for text handed to the feed library's XML writer (xml-js), which passes some input through raw. */

// Everything XML 1.0 forbids: C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF.
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// The same without the `u` flag, so also any surrogate (half of an emoji): a superset, which scans several
// times faster. Every text a feed page carries (some 100 KB of HTML) passes here, and almost none holds any.
const MAYBE_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;

/** The text without the characters XML 1.0 cannot carry (https://www.w3.org/TR/xml/#charsets). */
export const xmlCharacters = (text: string): string =>
  MAYBE_ILLEGAL.test(text) ? text.replace(XML_ILLEGAL, '') : text;

/** For attribute values: xml-js escapes only the quote; the feed library escapes "&"; "<" is refused at build time. */
export const xmlAttribute = xmlCharacters;

/**
 * For text nodes. xml-js first turns every "&amp;" back into "&", then
 * escapes; escaping "&" once here makes that round trip exact, so "A&amp;B" stays as written.
 */
export const xmlText = (text: string): string => xmlAttribute(text).replace(/&/g, '&amp;');

/**
 * For CDATA sections. xml-js splits only the first "]]>"; splitting every
 * later one here leaves that first one for it, so none can end the section.
 */
export const cdataText = (text: string): string => {
  const clean = xmlAttribute(text);
  const first = clean.indexOf(']]>');
  if (first === -1) return clean;
  const rest = clean.slice(first + 3).replaceAll(']]>', ']]]]><![CDATA[>');
  return `${clean.slice(0, first + 3)}${rest}`;
};
