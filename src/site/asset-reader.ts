/**
 * Reads content-store files through the ASSETS binding, keeping the most
 * recently used in memory within a byte bound, so that an isolate reads each
 * file once while it is in use and its memory stays flat however large the store.
 */

// The assets binding ignores the host; any origin will do.
const ASSET_ORIGIN = 'https://assets.invalid';

interface Entry {
  value: Promise<unknown>;
  bytes: number;
}

/** The first bytes of a file, or all of it (`whole`). */
interface Prefix {
  bytes: Uint8Array;
  whole: boolean;
}

/** A BYOB reader whose reads wait for at least `min` bytes (WHATWG Streams, in workerd and Node): workers-types lacks it. */
interface MinRead {
  cancel(): Promise<void>;
  read(
    view: Uint8Array<ArrayBuffer>,
    options: { min: number },
  ): Promise<ReadableStreamReadResult<Uint8Array<ArrayBuffer>>>;
}

/** The first read of a file read in part: a pack's header and its first records. */
const FIRST_READ = 4 * 1024;

export class AssetReader {
  readonly #assets: Fetcher;
  readonly #maxBytes: number;
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(assets: Fetcher, maxBytes: number) {
    this.#assets = assets;
    this.#maxBytes = maxBytes;
  }

  /** A store file's bytes. */
  bytes(path: string): Promise<ArrayBuffer> {
    return this.#get(
      `b:${path}`,
      // Not optional: a missing file throws, so the result is always there.
      () => this.#fetch(path, false).then((response) => response!.arrayBuffer()),
      (buffer) => buffer.byteLength,
    );
  }

  /**
   * A store file's first bytes, as many as `needed` asks for, given those read so far (it may ask for more
   * once it has seen them, as a pack's header says where its records lie), or the whole file if shorter. The
   * rest is never read: a feed item in an old pack costs the pack up to that item, not the whole pack.
   */
  async prefix(path: string, needed: (head: Uint8Array) => number): Promise<Uint8Array> {
    const key = `p:${path}`;
    const read = () => this.#readPrefix(path, needed);
    const held = this.#entries.has(key) ? await this.#get(key, read, sizeOfPrefix) : undefined;
    if (held && (held.whole || needed(held.bytes) <= held.bytes.byteLength)) return held.bytes;
    // Not held yet, or not far enough: read it again, as far as this needs.
    return (await this.#get(key, read, sizeOfPrefix, true)).bytes;
  }

  /** A store file's text; `undefined` if the store has no such file and it is `optional`. */
  text(path: string, optional: true): Promise<string | undefined>;
  text(path: string): Promise<string>;
  text(path: string, optional = false): Promise<string | undefined> {
    return this.#get(
      `t:${path}`,
      () => this.#fetch(path, optional).then((response) => response?.text()),
      (text) => (text === undefined ? 64 : text.length * 2),
    );
  }

  /** A store file's JSON; `undefined` if the store has no such file and it is `optional`. */
  json<T>(path: string, optional: true): Promise<T | undefined>;
  json<T>(path: string): Promise<T>;
  json<T>(path: string, optional = false): Promise<T | undefined> {
    // Parsed, JSON takes some times its text in V8; a rough bound is all the cache needs.
    let size = 64;
    return this.#get(
      `j:${path}`,
      async () => {
        const text = await (await this.#fetch(path, optional))?.text();
        if (text === undefined) return undefined;
        size = text.length * 4;
        return JSON.parse(text) as T;
      },
      () => size,
    );
  }

  /**
   * The value held under `key`, or `load`'s, then held within the byte bound (`sizeOf` gives its bytes; an
   * absent file is held too, at a nominal size, so that unknown slugs cost one read per shard). `replace`
   * reads again whatever is held.
   */
  #get<T>(key: string, load: () => Promise<T>, sizeOf: (value: T) => number, replace = false): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && !replace) {
      // Re-insert to mark it most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    if (hit) {
      this.#bytes -= hit.bytes;
      this.#entries.delete(key);
    }
    const value = load();
    const entry: Entry = { value, bytes: 0 };
    this.#entries.set(key, entry);
    value.then(
      (result) => {
        if (this.#entries.get(key) !== entry) return;
        entry.bytes = sizeOf(result);
        this.#bytes += entry.bytes;
        this.#evict(key);
      },
      // A failed read is forgotten, so the next request tries again.
      () => this.#entries.get(key) === entry && this.#entries.delete(key),
    );
    return value;
  }

  async #fetch(path: string, optional: boolean): Promise<Response | undefined> {
    const response = await this.#assets.fetch(`${ASSET_ORIGIN}${path}`);
    if (optional && response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new MissingAssetError(path, response.status);
    }
    return response;
  }

  /**
   * Reads a file's body into one buffer, FIRST_READ bytes, then as far as `needed` asks, and cancels the
   * rest. Each read hands the buffer to the stream and back (a BYOB read), so nothing is copied twice.
   */
  async #readPrefix(path: string, needed: (head: Uint8Array) => number): Promise<Prefix> {
    const response = (await this.#fetch(path, false))!;
    // Static assets give the file's length. Knowing it, a read waits for all it asks of what remains (`min`):
    // workerd answers a plain read with what has arrived (64 KB of a 100 KB read from ASSETS; 4 KB through the
    // bench's asset counter). A read that waits for more than a closing stream holds fails (WHATWG Streams), so
    // without a length, reads take what comes.
    const length = Number(response.headers.get('Content-Length') ?? Number.NaN);
    const reader = response.body!.getReader({ mode: 'byob' }) as unknown as MinRead;
    let buffer = new ArrayBuffer(FIRST_READ);
    let filled = 0;
    for (let want = FIRST_READ; want > filled && filled !== length; want = needed(new Uint8Array(buffer, 0, filled))) {
      if (want > buffer.byteLength) {
        const grown = new Uint8Array(want);
        grown.set(new Uint8Array(buffer, 0, filled));
        buffer = grown.buffer;
      }
      const min = Number.isNaN(length) ? 1 : Math.max(1, Math.min(want, length) - filled);
      const { value, done } = await reader.read(new Uint8Array(buffer, filled, want - filled), { min });
      if (value) {
        buffer = value.buffer;
        filled += value.byteLength;
      }
      // The end, with what the last read took before it, if anything.
      if (done) return { bytes: new Uint8Array(buffer, 0, filled), whole: true };
    }
    await reader.cancel();
    return { bytes: new Uint8Array(buffer, 0, filled), whole: filled === length };
  }

  #evict(keep: string): void {
    for (const [key, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      // Never what was just read, nor a read still in flight.
      if (key === keep || entry.bytes === 0) continue;
      this.#bytes -= entry.bytes;
      this.#entries.delete(key);
    }
  }
}

const sizeOfPrefix = (prefix: Prefix): number => prefix.bytes.buffer.byteLength;

const decoder = new TextDecoder();
export const NEWLINE = 0x0a;
const LINE_BLOCK = 32 * 1024;

/**
 * UTF-8 text decoded in blocks of about LINE_BLOCK bytes, each cut after a "\n" (never inside a character),
 * so that each is whole lines: a sitemap part is some 190 KB, and one string that large costs V8 more to
 * allocate than to decode.
 */
export const decodeBlocks = (bytes: Uint8Array): string[] => {
  const blocks: string[] = [];
  for (let start = 0; start < bytes.byteLength; ) {
    const cut = bytes.indexOf(NEWLINE, Math.min(start + LINE_BLOCK, bytes.byteLength) - 1);
    const end = cut === -1 ? bytes.byteLength : cut + 1;
    blocks.push(decoder.decode(bytes.subarray(start, end)));
    start = end;
  }
  return blocks;
};

/** The lines of UTF-8 text (the text between "\n"s, without a last empty one), decoded a block at a time. */
export const decodeLines = (bytes: Uint8Array): string[] => {
  const lines: string[] = [];
  for (const text of decodeBlocks(bytes)) {
    const block = text.split('\n');
    // A block ends in "\n" (an empty string after it), unless it is the file's last without one.
    if (block.at(-1) === '') block.pop();
    for (const line of block) lines.push(line);
  }
  return lines;
};

/** How many bytes the first `count` lines take, with their "\n"s: all of them if there are no more. */
export const linesLength = (bytes: Uint8Array, count: number): number => {
  let end = 0;
  for (let line = 0; line < count && end < bytes.byteLength; line++) {
    const at = bytes.indexOf(NEWLINE, end);
    end = at === -1 ? bytes.byteLength : at + 1;
  }
  return end;
};

export class MissingAssetError extends Error {
  readonly status: number;
  constructor(path: string, status: number) {
    super(`content asset ${path} missing from static assets (${status})`);
    this.name = 'MissingAssetError';
    this.status = status;
  }
}

/** Memory for store files, per isolate: a tag page's worst case (20 packs) and the index files it needs, twice over. */
export const ASSET_CACHE_BYTES = 12 * 1024 * 1024;

const readers = new WeakMap<Fetcher, AssetReader>();

/** One reader per binding: a test's or a preview's binding never sees another's files. */
export const assetReader = (assets: Fetcher): AssetReader => {
  let reader = readers.get(assets);
  if (!reader) {
    reader = new AssetReader(assets, ASSET_CACHE_BYTES);
    readers.set(assets, reader);
  }
  return reader;
};
