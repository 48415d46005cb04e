/**
 * The binary format of a pack: consecutive articles up to PACK_BYTES (store-layout.ts), each compressed on its
 * own so that one can be read without the others, behind a small header.
 *
 *   "FPK5"  u32 count  f64 published[count]  f64 updated[count]  u32 offsets[2·count + 1]  segments…
 *
 * Little-endian; offsets are relative to the first segment. `published` and
 * `updated` are each article's dates (epoch ms): they answer questions about
 * what is published at an instant (how many, their newest change) without
 * inflating a record. Nothing in a pack depends on another pack's articles, so
 * editing an article rewrites its pack alone.
 *
 * An article is two segments, its meta and its body. A segment is
 *
 *   u8 n  u32 length[n − 1]  part[n]
 *
 * n parts, each a JSON object followed by "\n" (JSON text never holds a raw
 * newline), compressed as one raw DEFLATE stream with a sync flush after each
 * part (RFC 1951 blocks, none final, byte-aligned; zlib's Z_SYNC_FLUSH), so
 * that the first k parts are a stream of their own; `length` gives each part's
 * compressed bytes but the last's. The meta is one part; the body is three
 * (BODY_PARTS): what a feed item needs (title and summary as written, its
 * HTML), then its plain text, then the page's HTML, so that RSS and Atom
 * inflate less than half of it and a page of metas none. Segments, cut after
 * any part, can be concatenated in any order and, closed by one empty final
 * block, inflated in one call: setting up an inflater costs more than a
 * segment costs to inflate, and a feed page reads 40.
 */

import { inflateRawSync } from 'node:zlib';
import type { ArticleBody } from '../content/types.ts';
import { decodeLines, NEWLINE } from './asset-reader.ts';

const MAGIC = 0x354b5046; // "FPK5" read as a little-endian u32

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
  /** The body segment, likewise. */
  body: Uint8Array;
}

export const encodePack = (records: readonly PackRecord[]): Uint8Array => {
  const offsets = 8 + records.length * 16;
  const headerBytes = offsets + (2 * records.length + 1) * 4;
  const dataBytes = records.reduce((sum, record) => sum + record.meta.byteLength + record.body.byteLength, 0);
  const bytes = new Uint8Array(headerBytes + dataBytes);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, records.length, true);
  let offset = 0;
  records.forEach((record, i) => {
    view.setFloat64(8 + i * 8, record.published, true);
    view.setFloat64(8 + (records.length + i) * 8, record.updated, true);
    for (const [j, segment] of [record.meta, record.body].entries()) {
      view.setUint32(offsets + (2 * i + j) * 4, offset, true);
      bytes.set(segment, headerBytes + offset);
      offset += segment.byteLength;
    }
  });
  view.setUint32(offsets + 2 * records.length * 4, offset, true);
  return bytes;
};

/** A pack read from its bytes: nothing is copied or inflated until asked for. */
export class Pack {
  readonly count: number;
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly #offsets: number;
  readonly #data: number;

  constructor(buffer: ArrayBuffer) {
    this.#bytes = new Uint8Array(buffer);
    this.#view = new DataView(buffer);
    if (buffer.byteLength < 12 || this.#view.getUint32(0, true) !== MAGIC) throw new Error('not a content pack');
    this.count = this.#view.getUint32(4, true);
    this.#offsets = 8 + this.count * 16;
    this.#data = this.#offsets + (2 * this.count + 1) * 4;
  }

  published(index: number): number {
    return this.#view.getFloat64(8 + index * 8, true);
  }

  /** The article's last update (epoch ms). */
  updated(index: number): number {
    return this.#view.getFloat64(8 + (this.count + index) * 8, true);
  }

  #segment(n: number): Uint8Array {
    const start = this.#view.getUint32(this.#offsets + n * 4, true);
    const end = this.#view.getUint32(this.#offsets + (n + 1) * 4, true);
    return this.#bytes.subarray(this.#data + start, this.#data + end);
  }

  /**
   * The article at `index`, compressed: its meta, and its body up to and including `upTo` (none if
   * undefined), each a view of the pack's bytes without its segment header, ready to inflate.
   */
  record(index: number, upTo?: BodyPart): { meta: Uint8Array; body?: Uint8Array } {
    if (index < 0 || index >= this.count) throw new RangeError(`no record ${index} in a pack of ${this.count}`);
    const meta = segmentParts(this.#segment(2 * index), 1);
    return upTo === undefined
      ? { meta }
      : { meta, body: segmentParts(this.#segment(2 * index + 1), BODY_PARTS.indexOf(upTo) + 1) };
  }
}

/** The first `parts` parts of a segment, compressed, without its header. */
const segmentParts = (segment: Uint8Array, parts: number): Uint8Array => {
  const n = segment[0]!;
  if (parts > n) throw new Error(`a content record has ${n} part(s), not ${parts}`);
  const view = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
  const start = 1 + 4 * (n - 1);
  let end = start;
  for (let i = 0; i < parts; i++) end = i === n - 1 ? segment.byteLength : end + view.getUint32(1 + 4 * i, true);
  return segment.subarray(start, end);
};

/** A segment from its parts, each compressed as pack-format.ts says: its header, then the parts. */
export const encodeSegment = (parts: readonly Uint8Array[]): Uint8Array => {
  const header = 1 + 4 * (parts.length - 1);
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
