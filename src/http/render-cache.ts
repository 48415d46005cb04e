/** Renders each distinct response at most once per isolate and keeps the most used ones in memory. */
import { createHash } from 'node:crypto';
import { type SiteConfig, siteConfig } from '../site/site-config.ts';

export interface Rendered {
  body: Uint8Array;
  contentType: string;
  /** Strong validator from the body's bytes: the same in every isolate and every build of the same seeds. */
  etag: string;
  /** HTTP date of the newest article shown, if any. */
  lastModified?: string;
  /** Headers that belong to this body, such as a page's Content-Security-Policy. */
  headers?: Record<string, string>;
}

export interface RenderInput {
  /** The text, or its pieces in order: a large body in pieces is never one string (see utf8). */
  body: string | readonly string[];
  contentType: string;
  headers?: Record<string, string>;
  /** ISO 8601 date of the newest content in the body. */
  modified?: string;
}

const encoder = new TextEncoder();

/**
 * The UTF-8 bytes of a text given whole or in pieces. A sitemap part or a feed page of full texts is some
 * hundreds of KB: V8 allocates a string above 128 KB apart from the others (its large-object space),
 * which took about 1 ms each time in Node's V8 (more than encoding it), and a string built by
 * concatenating thousands of pieces costs as much again to flatten. Pieces are encoded one after another
 * into one buffer (outside V8's heap), with room for the worst case (3 bytes a UTF-16 unit), then cut.
 */
export const utf8 = (text: string | readonly string[]): Uint8Array => {
  const pieces = typeof text === 'string' ? [text] : text;
  let room = 0;
  for (const piece of pieces) room += piece.length * 3;
  const buffer = new Uint8Array(room);
  let written = 0;
  for (const piece of pieces) written += encoder.encodeInto(piece, buffer.subarray(written)).written;
  return buffer.slice(0, written);
};

/**
 * The ETag of a body: SHA-256, its first 18 bytes in base64url. node:crypto hashes synchronously (native in
 * workerd with nodejs_compat, like node:zlib): crypto.subtle.digest's promise cost a first render more than
 * hashing a page did in Node's V8, where it runs on another thread.
 */
export const etagOf = (bytes: Uint8Array): string =>
  `"${createHash('sha256').update(bytes).digest().subarray(0, 18).toString('base64url')}"`;

export const toRendered = async ({ body, contentType, modified, headers }: RenderInput): Promise<Rendered> => {
  const bytes = utf8(body);
  const etag = etagOf(bytes);
  return {
    body: bytes,
    contentType,
    etag,
    ...(modified ? { lastModified: new Date(modified).toUTCString() } : {}),
    ...(headers ? { headers } : {}),
  };
};

/**
 * A byte-bounded LRU of rendered responses. Concurrent requests for the same
 * key share one render; a failed render is forgotten so the next request retries.
 */
export class RenderCache {
  readonly #entries = new Map<string, Promise<Rendered>>();
  readonly #sizes = new Map<string, number>();
  readonly #maxBytes: number;
  #bytes = 0;
  renders = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  get(key: string, render: () => Promise<RenderInput>): Promise<Rendered> {
    const hit = this.#entries.get(key);
    if (hit) {
      // Re-insert to mark it most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    this.renders++;
    const pending = render().then(toRendered);
    this.#entries.set(key, pending);
    pending.then(
      (rendered) => this.#account(key, pending, rendered.body.byteLength),
      () => this.#entries.get(key) === pending && this.#entries.delete(key),
    );
    return pending;
  }

  #account(key: string, pending: Promise<Rendered>, size: number): void {
    if (this.#entries.get(key) !== pending) return;
    this.#sizes.set(key, size);
    this.#bytes += size;
    for (const oldest of this.#entries.keys()) {
      if (this.#bytes <= this.#maxBytes) break;
      // Never evict what was just rendered, nor a render still in flight.
      if (oldest === key || !this.#sizes.has(oldest)) continue;
      this.#bytes -= this.#sizes.get(oldest)!;
      this.#sizes.delete(oldest);
      this.#entries.delete(oldest);
    }
  }
}

/** Memory for rendered responses, per isolate: the bound keeps it in check at 10,000 articles. */
export const RENDER_CACHE_BYTES = 32 * 1024 * 1024;

// One cache per site configuration: in production there is one; a response
// rendered under other settings (a test's, a preview's) is never served.
const caches = new WeakMap<SiteConfig, RenderCache>();

export const renderCacheFor = (site: SiteConfig): RenderCache => {
  let cache = caches.get(site);
  if (!cache) {
    cache = new RenderCache(RENDER_CACHE_BYTES);
    caches.set(site, cache);
  }
  return cache;
};

/** The response `key` for this Worker's settings, rendered on first use. */
export const renderOnce = (env: Env, key: string, render: () => Promise<RenderInput>): Promise<Rendered> =>
  renderCacheFor(siteConfig(env)).get(key, render);
