/**
 * The binary format of a pack: consecutive articles up to PACK_BYTES (store-layout.ts), each compressed on its
 * own so that one can be read without the others, behind a small header.
 *
 *   "FPK4"  u32 count  f64 published[count]  f64 updated[count]  u32 offsets[2·count + 1]  segments…
 *
 * Little-endian; offsets are relative to the first segment. `published` and
 * `updated` are each article's dates (epoch ms): they answer questions about
 * what is published at an instant (how many, their newest change) without
 * inflating a record. Nothing in a pack depends on another pack's articles, so
 * editing an article rewrites its pack alone.
 *
 * An article is two segments: its meta JSON, then its body JSON, each
 * followed by "\n" (JSON text never holds a raw newline), compressed on its own
 * as raw DEFLATE ending in a sync flush (RFC 1951 blocks, none final,
 * byte-aligned; zlib's Z_SYNC_FLUSH). Such segments can be concatenated in any
 * order and, closed by one empty final block, inflated by a single
 * DecompressionStream: a stream costs far more to set up in workerd than a
 * segment costs to inflate, and a feed page reads 40. A listing inflates metas
 * only: about a third of the bytes.
 */

const MAGIC = 0x344b5046; // "FPK4" read as a little-endian u32

export interface PackRecord {
  /** Epoch ms of publication: kept outside the record so that a date cut reads no record. */
  published: number;
  /** Epoch ms of its last update. */
  updated: number;
  /** The compressed meta segment. */
  meta: Uint8Array;
  /** The compressed body segment. */
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

  /** The compressed segments of the article at `index`: a view, not a copy. */
  record(index: number): { meta: Uint8Array; body: Uint8Array } {
    if (index < 0 || index >= this.count) throw new RangeError(`no record ${index} in a pack of ${this.count}`);
    return { meta: this.#segment(2 * index), body: this.#segment(2 * index + 1) };
  }
}

// An empty final block with fixed codes: BFINAL=1, BTYPE=01, end-of-block.
const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);

/** Inflates segments in one stream and returns each one's JSON text, in the order given. */
export const inflateSegments = async (segments: readonly Uint8Array[]): Promise<string[]> => {
  if (segments.length === 0) return [];
  const input = new Uint8Array(segments.reduce((sum, s) => sum + s.byteLength, FINAL_BLOCK.byteLength));
  let offset = 0;
  for (const segment of segments) {
    input.set(segment, offset);
    offset += segment.byteLength;
  }
  input.set(FINAL_BLOCK, offset);
  const stream = new Blob([input]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const lines = (await new Response(stream).text()).split('\n');
  // A line a segment, and an empty string after the last "\n".
  if (lines.length !== segments.length + 1) throw new Error('a content record is malformed');
  lines.pop();
  return lines;
};
