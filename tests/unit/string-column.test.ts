import { describe, expect, it } from 'vitest';
import { StringColumn } from '../../scripts/string-column.ts';

describe('StringColumn', () => {
  it('gives back each string as pushed, across blocks, in any script, empty or longer than a block', () => {
    const values = [
      '',
      'no-1-kurs-rublya',
      'курс-рубля',
      '000_caf9e8d9b7b58b94',
      '😀',
      'x'.repeat(1.5 * 2 ** 20),
      ...Array.from({ length: 30_000 }, (_, i) => `статья-${i}-${'a'.repeat(i % 90)}`),
      'после',
    ];
    const column = new StringColumn();
    for (const value of values) column.push(value);
    expect(column.length).toBe(values.length);
    values.forEach((value, i) => {
      if (column.at(i) !== value) expect(column.at(i)).toBe(value);
    });
  });

  it('refuses an index it does not hold', () => {
    const column = new StringColumn();
    column.push('a');
    expect(() => column.at(1)).toThrow(RangeError);
    expect(() => column.at(-1)).toThrow(RangeError);
  });
});
