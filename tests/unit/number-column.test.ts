import { describe, expect, it } from 'vitest';
import { float64Column, int32Column, uint8Column } from '../../scripts/number-column.ts';

describe('NumberColumn', () => {
  it('keeps every value it is given, growing past its first block', () => {
    const column = float64Column();
    const values = Array.from({ length: 5000 }, (_, i) => 1_700_000_000_000 + i * 0.5);
    for (const value of values) column.push(value);
    expect(column.length).toBe(5000);
    expect(Array.from(values, (_, i) => column.at(i))).toEqual(values);
  });

  it('answers undefined outside its entries, as an array does', () => {
    const column = int32Column();
    column.push(-1);
    expect([column.at(-1), column.at(0), column.at(1)]).toEqual([undefined, -1, undefined]);
  });

  it('stores what its type holds: flags in bytes', () => {
    const column = uint8Column();
    column.push(1);
    column.push(0);
    expect([column.at(0), column.at(1)]).toEqual([1, 0]);
  });
});
