import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdata, element, emptyElement, textElement, xmlEscape } from '../../src/feeds/xml-writer.ts';
import { anyText, representable } from '../helpers/hostile-text.ts';
import { parseXml } from '../helpers/parse-xml.ts';

// The parser reads "\r" as a line end; compare what XML can carry, as written otherwise.
const carried = (text: string) => representable(text).replace(/\r/g, '');

describe('xml-writer', () => {
  it('writes any text so that a parser reads it back as written, in an element and in an attribute', () => {
    fc.assert(
      fc.property(anyText(40), (text) => {
        const tree = parseXml(textElement('t', text.replace(/\r/g, ''), { a: text.replace(/\r/g, '') }));
        expect(tree.t['#text'] ?? '').toBe(carried(text));
        expect(tree.t['@a']).toBe(carried(text));
      }),
    );
  });

  it('keeps any HTML whole in CDATA, "]]>" included', () => {
    fc.assert(
      fc.property(anyText(40), (text) => {
        expect(parseXml(element('t', cdata(text.replace(/\r/g, '')))).t ?? '').toBe(carried(text));
      }),
    );
    expect(cdata('a]]>b]]>c')).toBe('<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>c]]>');
  });

  it('leaves out undefined attributes and writes empty elements self-closed', () => {
    expect(emptyElement('enclosure', { url: 'https://x/a?b=1&c=2', length: undefined, type: 'image/png' })).toBe(
      '<enclosure url="https://x/a?b=1&amp;c=2" type="image/png"/>',
    );
    expect(element('media:content', '', { medium: 'image' })).toBe('<media:content medium="image"/>');
    expect(xmlEscape('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
