import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdataText, xmlAttribute, xmlText } from '../../src/feeds/xml-text.ts';
import { anyText } from '../helpers/hostile-text.ts';
import { parseXml } from '../helpers/parse-xml.ts';

/**
 * What xml-js 1.6 (the feed library's XML writer) does to text and CDATA
 * (lib/js2xml.js, writeText and writeCdata): the defects these guards answer.
 */
const xmlJs = {
  text: (text: string) =>
    text.replace(/&amp;/g, '&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  cdata: (text: string) => `<![CDATA[${text.replace(']]>', ']]]]><![CDATA[>')}]]>`,
};

describe('xmlAttribute', () => {
  it('drops what XML 1.0 forbids and keeps everything else', () => {
    expect(xmlAttribute('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg')).toBe('abcdefg');
    expect(xmlAttribute('lone \uD800 and \uDFFF surrogates')).toBe('lone  and  surrogates');
    const legal = 'tab\t lf\n cr\r ё \u2028 \uE000 \uFFFD 😀';
    expect(xmlAttribute(legal)).toBe(legal);
  });
});

describe('xmlText', () => {
  it('escapes "&" once, so the writer’s unescaping round trip gives the text back as written', () => {
    expect(xmlText('A&amp;B & C')).toBe('A&amp;amp;B &amp; C');
    expect(parseXml(`<t>${xmlJs.text(xmlText('A&amp;B & <C>'))}</t>`).t).toBe('A&amp;B & <C>');
  });

  it('keeps any text as written through the writer, but what XML cannot carry', () => {
    fc.assert(
      fc.property(anyText(40), (text) => {
        const clean = xmlAttribute(text).replace(/\r/g, '');
        expect(parseXml(`<t>${xmlJs.text(xmlText(clean))}</t>`).t ?? '').toBe(clean);
      }),
    );
  });
});

describe('cdataText', () => {
  it('splits every "]]>" after the first, which the writer splits itself', () => {
    expect(cdataText('no end here')).toBe('no end here');
    expect(cdataText('a]]>b')).toBe('a]]>b');
    expect(cdataText('a]]>b]]>c]]>')).toBe('a]]>b]]]]><![CDATA[>c]]]]><![CDATA[>');
  });

  it('lets no "]]>" end the section early, whatever the text', () => {
    const withEnds = fc
      .array(fc.oneof(anyText(6), fc.constantFrom(']]>', ']]', ']', '>')))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(withEnds, (text) => {
        const clean = xmlAttribute(text).replace(/\r/g, '');
        expect(parseXml(`<t>${xmlJs.cdata(cdataText(clean))}</t>`).t ?? '').toBe(clean);
      }),
    );
  });
});
