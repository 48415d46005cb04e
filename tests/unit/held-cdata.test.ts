import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';
import { HeldCdata } from '../../src/feeds/held-cdata.ts';
import { cdataText } from '../../src/feeds/xml-text.ts';

const CONTENTS = ['<p>one</p>', '<p>a ]]> b ]]> c</p>', '<p>три</p>'];

/** The feed library's own RSS of these contents, and the same with the contents held out and put back. */
const both = (contents: readonly string[]) => {
  const render = (content: (text: string) => string) => {
    const feed = new Feed({ id: 'https://example.com/', title: 't', copyright: '', updated: new Date(0) });
    contents.forEach((text, i) => {
      feed.addItem({ title: `${i}`, link: `https://example.com/${i}`, date: new Date(0), content: content(text) });
    });
    return feed.rss2();
  };
  const held = new HeldCdata();
  return { direct: render(cdataText), pieces: held.pieces(render((text) => held.hold(cdataText(text)))) };
};

describe('content held out of the feed library', () => {
  it('is put back byte for byte where the library would have written it, "]]>" split as it splits it', () => {
    const { direct, pieces } = both(CONTENTS);
    expect(pieces.join('')).toBe(direct);
    // The library's text and each content apart: no content was copied into a larger string.
    expect(pieces).toHaveLength(2 * CONTENTS.length + 1);
    expect(pieces[3]).toBe('<p>a ]]]]><![CDATA[> b ]]]]><![CDATA[> c</p>');
  });

  it('leaves an empty content to the library, which writes no element for it', () => {
    const { direct, pieces } = both(['', '<p>x</p>']);
    expect(pieces.join('')).toBe(direct);
    expect(pieces).toHaveLength(3);
  });

  it('refuses output with a stand-in missing, extra or out of order', () => {
    const held = new HeldCdata();
    const [a, b] = [held.hold('a'), held.hold('b')];
    expect(held.pieces(`<x>${a}</x><y>${b}</y>`).join('')).toBe('<x>a</x><y>b</y>');
    expect(() => held.pieces(`<x>${a}</x>`)).toThrow(/unexpected/);
    expect(() => held.pieces(`<x>${a}</x><y>${b}\u0000</y>`)).toThrow(/unexpected/);
    expect(() => held.pieces(`<y>${b}</y><x>${a}</x>`)).toThrow(/order/);
  });
});
