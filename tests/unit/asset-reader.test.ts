import { describe, expect, it } from 'vitest';
import { AssetReader, decodeLines } from '../../src/site/asset-reader.ts';

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

describe('AssetReader.lines', () => {
  it('reads a store file once and gives its lines', async () => {
    let reads = 0;
    const assets = {
      fetch: async () => {
        reads++;
        return new Response('one\ttwo\nthree\n');
      },
    } as unknown as Fetcher;
    const reader = new AssetReader(assets, 1024);
    expect(await reader.lines('/_content/sitemap/0.txt')).toEqual(['one\ttwo', 'three']);
    expect(await reader.lines('/_content/sitemap/0.txt')).toEqual(['one\ttwo', 'three']);
    expect(reads).toBe(1);
  });
});
