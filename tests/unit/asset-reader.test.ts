import { describe, expect, it } from 'vitest';
import { AssetReader, decodeBlocks, decodeLines, linesLength } from '../../src/site/asset-reader.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('decodeLines', () => {
  it('gives the lines of a text of any size, characters of several bytes at every block edge', () => {
    // Lines of varying length, long ones too, past several 32 KB blocks.
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `${'ё😀'.repeat(i % 97)}slug-${i}\t${'x'.repeat(i % 5 === 0 ? 40_000 : i % 13)}`,
    );
    expect(decodeLines(encode(`${lines.join('\n')}\n`))).toEqual(lines);
    // Without a last "\n", and with empty lines inside.
    expect(decodeLines(encode('a\n\nb'))).toEqual(['a', '', 'b']);
    expect(decodeLines(encode(''))).toEqual([]);
  });
});

describe('decodeBlocks and linesLength', () => {
  it('cut a text into blocks of whole lines, and find where its first lines end', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `slug-${i}-${'ё😀'.repeat(i % 7)}\t2024-01-01T00:00:00+03:00`);
    const bytes = encode(`${lines.join('\n')}\n`);
    const blocks = decodeBlocks(bytes);
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) expect(block.endsWith('\n')).toBe(true);
    expect(blocks.join('')).toBe(`${lines.join('\n')}\n`);
    expect(new TextDecoder().decode(bytes.subarray(0, linesLength(bytes, 3)))).toBe(
      `${lines.slice(0, 3).join('\n')}\n`,
    );
    expect(linesLength(bytes, 0)).toBe(0);
    expect(linesLength(bytes, 5000)).toBe(bytes.byteLength);
    expect(linesLength(bytes, 9999)).toBe(bytes.byteLength);
    expect(linesLength(encode('a\nb'), 2)).toBe(3);
  });
});

describe('AssetReader.bytes', () => {
  it('reads a store file once', async () => {
    let reads = 0;
    const assets = {
      fetch: async () => {
        reads++;
        return new Response('one\ttwo\nthree\n');
      },
    } as unknown as Fetcher;
    const reader = new AssetReader(assets, 1024);
    expect(new TextDecoder().decode(await reader.bytes('/_content/sitemap/0.txt'))).toBe('one\ttwo\nthree\n');
    expect((await reader.bytes('/_content/sitemap/0.txt')).byteLength).toBe(14);
    expect(reads).toBe(1);
  });
});
