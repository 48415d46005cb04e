import { describe, expect, it } from 'vitest';
import { pageCount, pageOf, parsePage } from '../../src/site/pagination.ts';

describe('page numbers', () => {
  it('reads whole numbers from 1, and nothing else', () => {
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage('7')).toBe(7);
    for (const bad of ['', '0', '-1', 'abc', '1.5', '01', '1e3', '999999999999', ' 2'])
      expect(parsePage(bad)).toBeUndefined();
  });

  it('counts the pages a list fills, and one for an empty list', () => {
    expect([0, 1, 20, 21, 40, 41].map((total) => pageCount(total, 20))).toEqual([1, 1, 1, 2, 2, 3]);
  });

  it('has no page past the last, and always a first page', () => {
    expect(pageOf(5, 2, 3)).toEqual({ number: 3, count: 3, start: 4, end: 5 });
    expect(pageOf(5, 2, 4)).toBeUndefined();
    expect(pageOf(0, 20, 1)).toEqual({ number: 1, count: 1, start: 0, end: 0 });
  });
});
