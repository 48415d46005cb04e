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

// Static assets give a file's length, and the reader then waits for all it asks (`min`); without it, it takes what comes.
describe.each([true, false])('AssetReader.prefix, Content-Length given: %s', (withLength) => {
  /** A binding over one file that counts the reads and the bytes its body streams handed over. */
  const counted = (file: Uint8Array) => {
    const stats = { reads: 0, bytes: 0 };
    const assets = {
      fetch: async () => {
        stats.reads++;
        let at = 0;
        const body = new ReadableStream({
          type: 'bytes',
          pull(controller) {
            const request = controller.byobRequest!;
            const view = request.view!;
            // At most 1,000 bytes a read, as a stream hands over what it has.
            const size = Math.min(view.byteLength, file.byteLength - at, 1000);
            new Uint8Array(view.buffer, view.byteOffset, size).set(file.subarray(at, at + size));
            at += size;
            stats.bytes += size;
            if (size > 0) request.respond(size);
            if (at === file.byteLength) {
              controller.close();
              controller.byobRequest?.respond(0);
            }
          },
        });
        return new Response(body, withLength ? { headers: { 'Content-Length': String(file.byteLength) } } : {});
      },
    } as unknown as Fetcher;
    return { assets, stats };
  };
  const file = Uint8Array.from({ length: 100_000 }, (_, i) => i % 251);

  it('reads a file only as far as asked, asking again once it has seen the first bytes', async () => {
    const { assets, stats } = counted(file);
    const reader = new AssetReader(assets, 1 << 20);
    // The first bytes say how far to read, as a pack's header does.
    const needed = (head: Uint8Array) => (head.byteLength < 10 ? 10 : 20_000 + head[5]!);
    const bytes = await reader.prefix('/_content/packs/0.bin', needed);
    expect(bytes).toEqual(file.subarray(0, 20_005));
    expect(stats).toEqual({ reads: 1, bytes: 20_005 });
    // Held: as far as that, or less, costs no read.
    expect(await reader.prefix('/_content/packs/0.bin', () => 300)).toEqual(file.subarray(0, 20_005));
    expect(stats.reads).toBe(1);
    // Further: read again, as far as now needed.
    expect(await reader.prefix('/_content/packs/0.bin', () => 50_000)).toEqual(file.subarray(0, 50_000));
    expect(stats).toEqual({ reads: 2, bytes: 70_005 });
  });

  it('gives a file shorter than asked for whole, and holds it as whole', async () => {
    const short = file.subarray(0, 5000);
    const { assets, stats } = counted(short);
    const reader = new AssetReader(assets, 1 << 20);
    expect(await reader.prefix('/x', () => 1_000_000)).toEqual(short);
    expect(await reader.prefix('/x', () => 2_000_000)).toEqual(short);
    expect(stats).toEqual({ reads: 1, bytes: 5000 });
  });
});
