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
  splitBody,
} from '../../src/site/pack-format.ts';

const articles = Array.from({ length: 6 }, (_, i) => generateCompiledArticle(i, 1, { fullBody: true }));

/** A pack of these articles, as the store writer compresses them. */
const packOf = (list: readonly { meta: object; body: ArticleBody }[]) =>
  new Pack(
    encodePack(
      list.map(({ meta, body }, i) => ({
        published: i,
        updated: i,
        ...compressRecord(meta as Parameters<typeof compressRecord>[0], body),
      })),
    ).buffer as ArrayBuffer,
  );

describe('pack records', () => {
  const pack = packOf(articles);

  it('give a body up to any part, in one inflate with others, and no more of it', async () => {
    for (const upTo of BODY_PARTS) {
      const parts = BODY_PARTS.indexOf(upTo) + 1;
      // Out of order, and one article twice: segments are independent streams.
      const order = [4, 0, 5, 0, 2];
      const records = order.map((i) => pack.record(i, upTo));
      const lines = inflateSegments(
        records.flatMap(({ meta, body }) => [meta, body!]),
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
    expect(records.every((record) => record.body === undefined)).toBe(true);
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
        return [meta, body!];
      }),
      8,
    );
    expect(JSON.parse(lines[0]!)).toEqual(big[0]!.meta);
    expect(Object.assign({}, ...lines.slice(5, 8).map((line) => JSON.parse(line)))).toEqual(big[1]!.body);
  });

  it('refuse a record that is cut short or read as more parts than it has', async () => {
    const { meta, body } = pack.record(0, 'text');
    expect(() => inflateSegments([meta, body!.subarray(0, body!.byteLength - 40)], 3)).toThrow();
    expect(() => inflateSegments([meta, body!], 4)).toThrow(/malformed/);
    expect(() => pack.record(99, 'feed')).toThrow(RangeError);
  });

  it('name an article whose plain text was not read, rather than render without it', () => {
    const [feed] = splitBody(articles[0]!.body);
    expect(() => bodyText(feed)).toThrow(articles[0]!.body.id);
    expect(bodyText({ ...feed, text: 'x' })).toBe('x');
  });
});
