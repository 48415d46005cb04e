/**
 * The binary format of a pack: consecutive articles up to PACK_BYTES (store-layout.ts), each compressed on its
 * own so that one can be read without the others, behind a small header.
 *
 *   "FPK6"  u32 count  f64 published[count]  f64 updated[count]  u32 offsets[3·count + 1]  segments…
 *
 * Little-endian; offsets are relative to the first segment. `published` and
 * `updated` are each article's dates (epoch ms): they answer questions about
 * what is published at an instant (how many, their newest change) without
 * inflating a record. Nothing in a pack depends on another pack's articles, so
 * editing an article rewrites its pack alone.
 *
 * An article is three segments: its meta, its body's head and its page. A segment is
 *
 *   u8 n  u32 length[n − 1]  part[n]
 *
 * n parts, each a JSON object followed by "\n" (JSON text never holds a raw
 * newline), compressed as one raw DEFLATE stream with a sync flush after each
 * part (RFC 1951 blocks, none final, byte-aligned; zlib's Z_SYNC_FLUSH), so
 * that the first k parts are a stream of their own; `length` gives each part's
 * compressed bytes but the last's. The meta is one part. The body is three
 * (BODY_PARTS), one stream: what a feed item needs (title and summary as
 * written, its HTML) and its plain text make the head, and the page's HTML,
 * which continues that stream, the page segment. So RSS and Atom inflate less
 * than half of a body, and a page of metas none of it.
 *
 * Segments lie in the order a read needs them: each article's meta and head in
 * turn, then every article's page. The Worker reads a pack from its start only
 * as far as the last segment it needs (static assets have no Range, but a read
 * can stop): a feed item in the middle of a pack, half of the metas and heads,
 * a little under half of the pack. Segments, cut after any part, can be
 * concatenated in any order (a page segment right after its own head) and,
 * closed by one empty final block, inflated in one call: setting up an inflater
 * costs more than a segment costs to inflate, and a feed page reads 40.
 */

import { inflateRawSync } from 'node:zlib';
import type { ArticleBody } from '../content/types.ts';
import { decodeLines, NEWLINE } from './asset-reader.ts';

const MAGIC = 0x364b5046; // "FPK6" read as a little-endian u32

/** A body's parts, in the order stored: each can be read only with the ones before it. */
export const BODY_PARTS = ['feed', 'text', 'page'] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

/** A body as far as it was inflated: up to 'feed', no plain text nor page HTML; up to 'text', no page HTML. */
export type StoredBody = Omit<ArticleBody, 'text' | 'pageHtml'> & Partial<Pick<ArticleBody, 'text' | 'pageHtml'>>;

/** A body's plain text, for the feeds that carry it: they ask the store for it, and a render without it fails. */
export const bodyText = (body: StoredBody): string => {
  if (body.text === undefined) throw new Error(`the plain text of article ${body.id} was not read`);
  return body.text;
};

/** The body's parts as stored, in BODY_PARTS order: merged back, they are the body. */
export const splitBody = ({
  text,
  pageHtml,
  ...feed
}: ArticleBody): [StoredBody, { text: string }, { pageHtml: string }] => [feed, { text }, { pageHtml }];

export interface PackRecord {
  /** Epoch ms of publication: kept outside the record so that a date cut reads no record. */
  published: number;
  /** Epoch ms of its last update. */
  updated: number;
  /** The meta segment, as encodeSegment() makes it. */
  meta: Uint8Array;
  /** The body as the build keeps it, one segment of all BODY_PARTS: the pack cuts it into head and page. */
  body: Uint8Array;
}

/** The body's parts in its head: what a feed item needs, then the plain text. */
const HEAD_PARTS = 2;

/** A pack's header bytes beyond its records': magic and count, and the offset where the last segment ends. */
export const PACK_HEADER_BYTES = 12;

/** A record's header bytes in a pack: two dates (f64) and three offsets (u32). */
const RECORD_HEADER_BYTES = 2 * 8 + 3 * 4;

/** A pack's bytes before its first segment. */
const headerBytes = (count: number): number => PACK_HEADER_BYTES + count * RECORD_HEADER_BYTES;

/** Where a pack's offsets begin: after its magic, count and two dates a record. */
const offsetsAt = (count: number): number => 8 + count * 16;

/** A segment's header: its part count, and each part's length but the last's. */
const segmentHeaderBytes = (parts: number): number => 1 + 4 * (parts - 1);

/**
 * A record's bytes in a pack beyond its two segments as the build keeps them (meta, body): its header, and
 * the headers of its head and page segments in place of that of its body segment (5 and 1 bytes for 9).
 */
export const PACK_RECORD_OVERHEAD =
  RECORD_HEADER_BYTES +
  segmentHeaderBytes(HEAD_PARTS) +
  segmentHeaderBytes(BODY_PARTS.length - HEAD_PARTS) -
  segmentHeaderBytes(BODY_PARTS.length);

/** The index of the last segment a record's read needs: its meta, its head, or its page. */
const lastSegment = (count: number, index: number, upTo?: BodyPart): number =>
  upTo === undefined ? 2 * index : upTo === 'page' ? 2 * count + index : 2 * index + 1;

export const encodePack = (records: readonly PackRecord[]): Uint8Array => {
  const count = records.length;
  const bodies = records.map(({ body }) => {
    const parts = compressedParts(body);
    if (parts.length !== BODY_PARTS.length)
      throw new Error(`a body segment has ${parts.length} parts, not ${BODY_PARTS.length}`);
    return parts;
  });
  const segments = [
    ...records.flatMap(({ meta }, i) => [meta, encodeSegment(bodies[i]!.slice(0, HEAD_PARTS))]),
    ...bodies.map((parts) => encodeSegment(parts.slice(HEAD_PARTS))),
  ];
  const offsets = offsetsAt(count);
  const data = headerBytes(count);
  const bytes = new Uint8Array(segments.reduce((sum, segment) => sum + segment.byteLength, data));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, count, true);
  records.forEach(({ published, updated }, i) => {
    view.setFloat64(8 + i * 8, published, true);
    view.setFloat64(8 + (count + i) * 8, updated, true);
  });
  let offset = 0;
  segments.forEach((segment, n) => {
    view.setUint32(offsets + n * 4, offset, true);
    bytes.set(segment, data + offset);
    offset += segment.byteLength;
  });
  view.setUint32(offsets + segments.length * 4, offset, true);
  return bytes;
};

/** What a read of a pack needs: these records, each up to a part of its body (none: its meta alone). */
export type PackWants = readonly { index: number; upTo?: BodyPart }[];

/**
 * How many bytes from a pack's start hold what `wants` asks for (nothing: the header and its dates), given
 * the pack's first bytes, `head`. While the header is not all there, that is its size, or 8 bytes before
 * its count is known: read that far, then ask again.
 */
export const packBytesFor = (head: Uint8Array, wants: PackWants): number => {
  if (head.byteLength < 8) return 8;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('not a content pack');
  const count = view.getUint32(4, true);
  const data = headerBytes(count);
  if (head.byteLength < data) return data;
  let last = -1;
  for (const { index, upTo } of wants) {
    if (index < 0 || index >= count) throw new RangeError(`no record ${index} in a pack of ${count}`);
    last = Math.max(last, lastSegment(count, index, upTo));
  }
  return last < 0 ? data : data + view.getUint32(offsetsAt(count) + (last + 1) * 4, true);
};

/** A pack, or its first bytes (packBytesFor), read: nothing is copied or inflated until asked for. */
export class Pack {
  readonly count: number;
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly #offsets: number;
  readonly #data: number;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 8 || this.#view.getUint32(0, true) !== MAGIC) throw new Error('not a content pack');
    this.count = this.#view.getUint32(4, true);
    this.#offsets = offsetsAt(this.count);
    this.#data = headerBytes(this.count);
    if (bytes.byteLength < this.#data) throw new Error('a content pack was read short of its header');
  }

  published(index: number): number {
    return this.#view.getFloat64(8 + index * 8, true);
  }

  /** The article's last update (epoch ms). */
  updated(index: number): number {
    return this.#view.getFloat64(8 + (this.count + index) * 8, true);
  }

  #segment(n: number): Uint8Array {
    const start = this.#data + this.#view.getUint32(this.#offsets + n * 4, true);
    const end = this.#data + this.#view.getUint32(this.#offsets + (n + 1) * 4, true);
    if (end > this.#bytes.byteLength) throw new Error('a content pack was read short of a record it holds');
    return this.#bytes.subarray(start, end);
  }

  /**
   * The article at `index`, compressed: its meta, and its body up to and including `upTo` (none if
   * undefined) as the segments to inflate in turn, each a view of the pack's bytes without its header.
   */
  record(index: number, upTo?: BodyPart): { meta: Uint8Array; body: Uint8Array[] } {
    if (index < 0 || index >= this.count) throw new RangeError(`no record ${index} in a pack of ${this.count}`);
    const meta = segmentParts(this.#segment(2 * index), 1);
    if (upTo === undefined) return { meta, body: [] };
    const parts = BODY_PARTS.indexOf(upTo) + 1;
    const head = segmentParts(this.#segment(2 * index + 1), Math.min(parts, HEAD_PARTS));
    if (parts <= HEAD_PARTS) return { meta, body: [head] };
    return {
      meta,
      body: [head, segmentParts(this.#segment(lastSegment(this.count, index, upTo)), parts - HEAD_PARTS)],
    };
  }
}

/** A segment's parts, compressed, each a view of it. */
const compressedParts = (segment: Uint8Array): Uint8Array[] => {
  const n = segment[0]!;
  const view = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
  const parts: Uint8Array[] = [];
  for (let i = 0, at = segmentHeaderBytes(n); i < n; i++) {
    const end = i === n - 1 ? segment.byteLength : at + view.getUint32(1 + 4 * i, true);
    parts.push(segment.subarray(at, end));
    at = end;
  }
  return parts;
};

/** The first `parts` parts of a segment, compressed, without its header. */
const segmentParts = (segment: Uint8Array, parts: number): Uint8Array => {
  const n = segment[0]!;
  if (parts > n) throw new Error(`a content record has ${n} part(s), not ${parts}`);
  const view = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
  const start = segmentHeaderBytes(n);
  let end = start;
  for (let i = 0; i < parts; i++) end = i === n - 1 ? segment.byteLength : end + view.getUint32(1 + 4 * i, true);
  return segment.subarray(start, end);
};

/** A segment from its parts, each compressed as pack-format.ts says: its header, then the parts. */
export const encodeSegment = (parts: readonly Uint8Array[]): Uint8Array => {
  const header = segmentHeaderBytes(parts.length);
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, header));
  const view = new DataView(bytes.buffer);
  bytes[0] = parts.length;
  let offset = header;
  parts.forEach((part, i) => {
    if (i < parts.length - 1) view.setUint32(1 + 4 * i, part.byteLength, true);
    bytes.set(part, offset);
    offset += part.byteLength;
  });
  return bytes;
};

/** A segment's parts, compressed, without its header: the build's view, to inflate them all. */
export const segmentBytes = (segment: Uint8Array): Uint8Array => segmentParts(segment, segment[0]!);

// An empty final block with fixed codes: BFINAL=1, BTYPE=01, end-of-block.
const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);

/**
 * Inflates segments (as Pack.record() gives them) in one go and returns the JSON text of each of their
 * parts, in the order given: `parts` in all. node:zlib inflates synchronously, natively in workerd
 * (nodejs_compat) as in Node: a DecompressionStream cost more in its stream and promise plumbing than
 * in inflating (20 feed records, 230 KB: 2.2 ms against 0.4 in Node's V8). The output is decoded in
 * blocks of lines (decodeLines), never as one string: one string of some 200 KB is allocated outside
 * V8's young generation, which costs more than the inflating.
 */
export const inflateSegments = (segments: readonly Uint8Array[], parts = segments.length): string[] => {
  if (segments.length === 0) return [];
  const input = new Uint8Array(segments.reduce((sum, s) => sum + s.byteLength, FINAL_BLOCK.byteLength));
  let offset = 0;
  for (const segment of segments) {
    input.set(segment, offset);
    offset += segment.byteLength;
  }
  input.set(FINAL_BLOCK, offset);
  let output: Uint8Array;
  try {
    // Room for the whole output at once (a record deflates to a fourth to a third): zlib's default of 16 KB
    // took a page's text in a dozen pieces, then copied them together.
    output = inflateRawSync(input, { chunkSize: Math.min(Math.max(input.byteLength * 5, 16 * 1024), 4 << 20) });
  } catch {
    throw new Error('a content record is malformed');
  }
  const lines = decodeLines(output);
  // A line a part, and nothing after the last "\n".
  if (lines.length !== parts || output.at(-1) !== NEWLINE) throw new Error('a content record is malformed');
  return lines;
};
