import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StringColumn } from '../../scripts/string-column.ts';

const dir = mkdtempSync(join(tmpdir(), 'string-column-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Empty, in any script, longer than a block, and some megabytes in all, so that blocks fill.
const VALUES = [
  '',
  'no-1-kurs-rublya',
  'курс-рубля',
  '000_caf9e8d9b7b58b94',
  '😀',
  'x'.repeat(1.5 * 2 ** 20),
  ...Array.from({ length: 30_000 }, (_, i) => `статья-${i}-${'a'.repeat(i % 90)}`),
  'после',
];

const expectAll = (column: StringColumn) => {
  expect(column.length).toBe(VALUES.length);
  VALUES.forEach((value, i) => {
    if (column.at(i) !== value) expect(column.at(i)).toBe(value);
  });
};

describe('StringColumn', () => {
  it('gives back each string as pushed, across blocks', () => {
    const column = new StringColumn();
    for (const value of VALUES) column.push(value);
    expectAll(column);
  });

  it('with a file, gives back the same from the blocks written out, and again once they are loaded', () => {
    const column = new StringColumn(join(dir, 'spill'));
    for (const value of VALUES) column.push(value);
    expectAll(column);
    column.load();
    rmSync(join(dir, 'spill'));
    expectAll(column);
    column.load();
  });

  it('goes on reading from its file when what it wrote out is more than load() may hold', () => {
    const column = new StringColumn(join(dir, 'kept'));
    for (const value of VALUES) column.push(value);
    column.load(2 ** 20);
    expectAll(column);
    column.close();
    expect(() => column.at(VALUES.length - 30_000)).toThrow();
  });

  it('refuses an index it does not hold', () => {
    const column = new StringColumn();
    column.push('a');
    expect(() => column.at(1)).toThrow(RangeError);
    expect(() => column.at(-1)).toThrow(RangeError);
  });
});
