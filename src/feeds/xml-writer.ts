/**
 * A minimal XML writer for the aggregators' feeds, which can hold hundreds of
 * full texts: string templates with exact escaping, where the feed library's
 * xml-js took about 1 ms per item (measured at 300 items in Node's V8).
 */
import { escapeHtml } from '../content/escape-html.ts';
import { xmlCharacters } from './xml-text.ts';

/** Text or an attribute value, escaped, without characters XML cannot carry. */
export const xmlEscape = (text: string): string => escapeHtml(xmlCharacters(text));

/** HTML as a CDATA section; "]]>" inside is split across two sections, so nothing can end it early. */
export const cdata = (text: string): string =>
  `<![CDATA[${xmlCharacters(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

export type Attributes = Record<string, string | number | undefined>;

const attributes = (attrs: Attributes): string =>
  Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlEscape(String(value))}"`)
    .join('');

/** An element with escaped text content. */
export const textElement = (name: string, text: string, attrs: Attributes = {}): string =>
  `<${name}${attributes(attrs)}>${xmlEscape(text)}</${name}>`;

/** An element whose content is already XML (child elements or a CDATA section). */
export const element = (name: string, content: string, attrs: Attributes = {}): string =>
  content === '' ? emptyElement(name, attrs) : `<${name}${attributes(attrs)}>${content}</${name}>`;

export const emptyElement = (name: string, attrs: Attributes = {}): string => `<${name}${attributes(attrs)}/>`;

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
