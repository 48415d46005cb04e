/**
 * Item contents kept out of the feed library's XML writer and put back into its output as pieces. xml-js
 * builds each element as an array it joins, so an item's HTML (some 10 KB) was copied once per level of
 * nesting (seven) into ever larger strings, the last ones above the size V8 allocates apart (128 KB): most of
 * an RSS or Atom page's render. The library writes a short stand-in instead, and the document becomes the
 * library's text cut at the stand-ins with each content in its place (render-cache.ts encodes the pieces
 * one after another), byte for byte what the library would have written.
 */

// U+0000 cannot occur in XML (xml-text.ts strips it from everything handed to the library; URLs are
// percent-encoded by it): only a stand-in holds it.
const MARK = '\u0000';

export class HeldCdata {
  readonly #texts: string[] = [];

  /** A stand-in for `text`, the content of a CDATA section as the library gets it (cdataText of xml-text.ts). */
  hold(text: string): string {
    // An empty content is no element at all: the library must see it.
    if (text === '') return text;
    this.#texts.push(text);
    return `${MARK}${this.#texts.length - 1}${MARK}`;
  }

  /** The document: the library's output in pieces, each stand-in replaced by its text as xml-js writes it. */
  pieces(xml: string): [string, ...string[]] {
    const [head = '', ...cut] = xml.split(MARK);
    if (cut.length !== 2 * this.#texts.length) throw new Error('the feed library wrote an unexpected character');
    const pieces: [string, ...string[]] = [head];
    this.#texts.forEach((text, i) => {
      if (cut[2 * i] !== String(i)) throw new Error('the feed library wrote its items out of order');
      // xml-js's writeCdata splits the first "]]>" (cdataText has split the others).
      pieces.push(text.replace(']]>', ']]]]><![CDATA[>'), cut[2 * i + 1] ?? '');
    });
    return pieces;
  }
}
