import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/content/summarize.ts';
import { truncate } from '../../src/content/truncate.ts';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const boundaries = (text: string) => new Set([...segmenter.segment(text)].map((s) => s.index).concat(text.length));

// Whole characters that break naively: surrogate pairs, emoji with skin tones and
// joiners, flags, keycaps, letters with combining marks, Hangul jamo; and spaces and punctuation.
const GRAPHEMES = [
  '😀',
  '👍🏽',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇷🇺',
  '#️⃣',
  'é',
  'й',
  'ё',
  'a\u0301\u0323',
  'ᄀ\u1161\u11A8',
  '𝔘',
  'Ж',
  'x',
  ' ',
  ' ',
  '.',
  ',',
  '—',
  '-',
];
const text = fc.array(fc.constantFrom(...GRAPHEMES), { maxLength: 400 }).map((parts) => parts.join(''));

/** The cut point: the text kept before the ellipsis. */
const kept = (result: string) => (result.endsWith('…') ? result.slice(0, -1) : result);

describe('truncation cuts whole characters', () => {
  it.each([
    ['summarize', (value: string, max: number) => summarize(value, max)],
    ['truncate', (value: string, max: number) => truncate(value.replace(/\s+/g, ' ').trim(), max)],
  ])('%s: never half a surrogate pair, an emoji without its modifier, or a letter without its marks', (_, cut) => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 300 }), (value, max) => {
        const normalised = value.replace(/\s+/g, ' ').trim();
        const result = cut(value, max);
        expect(result.isWellFormed()).toBe(true);
        expect(result.length).toBeLessThanOrEqual(max + 1);
        if (normalised.length <= max) expect(result).toBe(normalised);
        else {
          expect(result.endsWith('…')).toBe(true);
          const head = kept(result);
          expect(normalised.startsWith(head)).toBe(true);
          expect(boundaries(normalised).has(head.length)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('cuts where a grapheme segmenter alone would, with or without its fast path', () => {
    // The rule stated plainly: the longest prefix of whole characters, shortened to a word, less trailing punctuation.
    const reference = (value: string, max: number) => {
      if (value.length <= max) return value;
      const cut = value.slice(0, Math.max(...[...boundaries(value)].filter((b) => b <= max)));
      const space = cut.lastIndexOf(' ');
      return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?—–-]+$/u, '')}…`;
    };
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 300 }), (value, max) => {
        expect(truncate(value, max)).toBe(reference(value, max));
      }),
      { numRuns: 1000 },
    );
  });

  it('prefers a word boundary, and drops punctuation before the ellipsis', () => {
    expect(truncate('Россия и Казахстан, выйдут на рекорд', 22)).toBe('Россия и Казахстан…');
    expect(truncate('👍🏽👍🏽👍🏽', 5)).toBe('👍🏽…');
    expect(truncate('короткий', 20)).toBe('короткий');
  });
});
