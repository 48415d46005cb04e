/** An independent reader for the XML feeds (fast-xml-parser); runs in Node and in workerd. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

// Elements that may repeat, read as arrays even when there is one.
const LISTS = new Set([
  'rss.channel.item',
  'rss.channel.item.category',
  'rss.channel.atom:link',
  'feed.link',
  'feed.entry',
  'feed.entry.link',
  'feed.entry.category',
  'urlset.url',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (_name, jpath) => LISTS.has(String(jpath)),
});

/** A parsed document: its shape is what each test asserts, so it is navigated untyped. */
// biome-ignore lint/suspicious/noExplicitAny: see above.
export type XmlTree = Record<string, any>;

/** Parses XML after checking it is well-formed; throws with the parser's reason if it is not. */
export const parseXml = (xml: string): XmlTree => {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`);
  return parser.parse(xml);
};
