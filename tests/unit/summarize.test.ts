import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, SUMMARY_LENGTH, summarize } from '../../src/content/summarize.ts';

describe('summarize', () => {
  it('keeps a short paragraph whole, with its white space collapsed', () => {
    expect(summarize('  Коротко\n и\tясно.  ')).toBe('Коротко и ясно.');
    const exact = 'а'.repeat(SUMMARY_LENGTH);
    expect(summarize(exact)).toBe(exact);
  });

  it('cuts a long paragraph at the last word boundary, with an ellipsis', () => {
    const summary = summarize('слово '.repeat(100));
    expect(summary).toBe(`${'слово '.repeat(46).trim()}…`);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_LENGTH + 1);
  });

  it('drops punctuation before the ellipsis', () => {
    expect(summarize('Раз, два, три, четыре, пять', 15)).toBe('Раз, два, три…');
    expect(summarize('Первое. Второе предложение', 10)).toBe('Первое…');
    expect(summarize('Итог — рост, не спад', 8)).toBe('Итог…');
  });

  it('cuts inside a word when the last boundary is in the first half', () => {
    expect(summarize('Сверхдлинноесловобезпробелов и ещё', 20)).toBe('Сверхдлинноесловобез…');
  });
});

describe('countWords', () => {
  it('counts runs of letters or digits, a hyphenated word or a contraction as one', () => {
    expect(countWords('Россия и Казахстан выйдут на товарооборот в 30 млрд')).toBe(9);
    expect(countWords('кто-нибудь, где-то — 2022-11-28; don’t')).toBe(4);
    expect(countWords(' — … ')).toBe(0);
  });
});

describe('readingMinutes', () => {
  it('reads 180 words a minute, rounded, and never says zero', () => {
    expect([0, 1, 269, 270, 360, 1000].map(readingMinutes)).toEqual([1, 1, 1, 2, 2, 6]);
  });
});
