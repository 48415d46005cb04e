import { describe, expect, it } from 'vitest';
import { generateCompiledArticle } from '../../scripts/generate-articles.ts';
import { compressRecord, decompressSegment } from '../../scripts/store-writer.ts';
import type { ArticleBody } from '../../src/content/types.ts';
import {
  BODY_PARTS,
  type BodyPart,
  bodyText,
  encodePack,
  inflateSegments,
  Pack,
  packBytesFor,
  splitBody,
} from '../../src/site/pack-format.ts';

const articles = Array.from({ length: 6 }, (_, i) => generateCompiledArticle(i, 1, { fullBody: true }));

/** The bytes of a pack of these articles, as the store writer compresses them. */
const packBytesOf = (list: readonly { meta: object; body: ArticleBody }[]) =>
  encodePack(
    list.map(({ meta, body }, i) => ({
      published: i,
      updated: i,
      ...compressRecord(meta as Parameters<typeof compressRecord>[0], body),
    })),
  );
const packOf = (list: readonly { meta: object; body: ArticleBody }[]) => new Pack(packBytesOf(list));

describe('pack records', () => {
  const pack = packOf(articles);

  it('give a body up to any part, in one inflate with others, and no more of it', async () => {
    for (const upTo of BODY_PARTS) {
      const parts = BODY_PARTS.indexOf(upTo) + 1;
      // Out of order, and one article twice: segments are independent streams.
      const order = [4, 0, 5, 0, 2];
      const records = order.map((i) => pack.record(i, upTo));
      const lines = inflateSegments(
        records.flatMap(({ meta, body }) => [meta, ...body]),
        order.length * (1 + parts),
      );
      order.forEach((i, k) => {
        const [meta, ...body] = lines.slice(k * (1 + parts), (k + 1) * (1 + parts));
        expect(JSON.parse(meta!)).toEqual(articles[i]!.meta);
        expect(body.map((line) => JSON.parse(line))).toEqual(splitBody(articles[i]!.body).slice(0, parts));
      });
    }
  });

  it('split a body into parts that merge back into it, the feed part holding no page HTML nor plain text', () => {
    const body = articles[0]!.body;
    const [feed, text, page] = splitBody(body);
    expect({ ...feed, ...text, ...page }).toEqual(body);
    expect(Object.keys(feed)).not.toContain('text');
    expect(Object.keys(feed)).not.toContain('pageHtml');
  });

  it('give metas alone without reading any body', async () => {
    const records = [1, 3].map((i) => pack.record(i));
    expect(records.every((record) => record.body.length === 0)).toBe(true);
    const lines = inflateSegments(records.map(({ meta }) => meta));
    expect(lines.map((line) => JSON.parse(line))).toEqual([articles[1]!.meta, articles[3]!.meta]);
  });

  it('read back whole in the build, a segment to one object', () => {
    const { meta, body } = compressRecord(articles[2]!.meta, articles[2]!.body);
    expect(decompressSegment(meta)).toEqual(articles[2]!.meta);
    expect(decompressSegment(body)).toEqual(articles[2]!.body);
  });

  it('decode text that spans the inflater’s chunks, characters of several bytes cut anywhere', async () => {
    // Lines of hundreds of KB of Cyrillic, emoji and markup: the stream hands them over in chunks of a few KB.
    const long = (n: number) => 'Ёж 😀 <p>«ёлка»</p>&amp; '.repeat(n);
    const big = [0, 1].map((i) => ({
      meta: { ...articles[i]!.meta, summary: long(900 + i) },
      body: { ...articles[i]!.body, html: long(7000), text: long(3001), pageHtml: long(5000 + i) },
    }));
    const bigPack = packOf(big);
    const upTo: BodyPart = 'page';
    const lines = inflateSegments(
      [0, 1].flatMap((i) => {
        const { meta, body } = bigPack.record(i, upTo);
        return [meta, ...body];
      }),
      8,
    );
    expect(JSON.parse(lines[0]!)).toEqual(big[0]!.meta);
    expect(Object.assign({}, ...lines.slice(5, 8).map((line) => JSON.parse(line)))).toEqual(big[1]!.body);
  });

  it('refuse a record that is cut short or read as more parts than it has', async () => {
    const { meta, body } = pack.record(0, 'text');
    const [head] = body;
    expect(() => inflateSegments([meta, head!.subarray(0, head!.byteLength - 40)], 3)).toThrow();
    expect(() => inflateSegments([meta, head!], 4)).toThrow(/malformed/);
    expect(() => pack.record(99, 'feed')).toThrow(RangeError);
  });

  it('name an article whose plain text was not read, rather than render without it', () => {
    const [feed] = splitBody(articles[0]!.body);
    expect(() => bodyText(feed)).toThrow(articles[0]!.body.id);
    expect(bodyText({ ...feed, text: 'x' })).toBe('x');
  });
  it('are read from the pack’s start only as far as a read needs: metas and heads first, then pages', () => {
    const bytes = packBytesOf(articles);
    const atMost = (length: number) => new Pack(bytes.subarray(0, length));
    // Until the count is read, then until the header is, the answer is how far to read next.
    expect(packBytesFor(bytes.subarray(0, 4), [{ index: 0 }])).toBe(8);
    const header = packBytesFor(bytes.subarray(0, 8), [{ index: 0 }]);
    expect(header).toBe(12 + articles.length * 28);
    expect(packBytesFor(bytes.subarray(0, header), [])).toBe(header);
    expect(atMost(header).published(5)).toBe(5);
    expect(atMost(header).updated(4)).toBe(4);
    // Every part a record is asked for, from exactly the bytes packBytesFor names, and no fewer.
    const lengths = new Set<number>();
    for (let i = 0; i < articles.length; i++)
      for (const upTo of [undefined, ...BODY_PARTS]) {
        const length = packBytesFor(bytes, [{ index: i, upTo }]);
        lengths.add(length);
        const parts = upTo ? BODY_PARTS.indexOf(upTo) + 1 : 0;
        const { meta, body } = atMost(length).record(i, upTo);
        const [metaLine, ...bodyLines] = inflateSegments([meta, ...body], 1 + parts);
        expect(JSON.parse(metaLine!)).toEqual(articles[i]!.meta);
        expect(bodyLines.map((line) => JSON.parse(line))).toEqual(splitBody(articles[i]!.body).slice(0, parts));
        expect(() => atMost(length - 1).record(i, upTo)).toThrow(/read short/);
      }
    // A feed item of any article needs less than any page: pages come after every meta and head.
    const feed = packBytesFor(bytes, [{ index: articles.length - 1, upTo: 'text' }]);
    expect(feed).toBeLessThan(packBytesFor(bytes, [{ index: 0, upTo: 'page' }]));
    // The last page ends the pack; several records need as much as the furthest of them.
    expect(packBytesFor(bytes, [{ index: articles.length - 1, upTo: 'page' }])).toBe(bytes.byteLength);
    expect(packBytesFor(bytes, [{ index: 1 }, { index: 3, upTo: 'feed' }, { index: 2 }])).toBe(
      packBytesFor(bytes, [{ index: 3, upTo: 'feed' }]),
    );
    expect(lengths.size).toBe(articles.length * 3);
    expect(() => packBytesFor(bytes, [{ index: articles.length }])).toThrow(RangeError);
    expect(() => new Pack(bytes.subarray(0, header - 1))).toThrow(/short of its header/);
  });
});
