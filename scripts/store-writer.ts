/**
 * Writes the content store (src/site/store-layout.ts) from compiled articles
 * given one at a time, in any order, without holding the corpus: each article
 * is compressed at once into a spill file, and only a small key stays in memory
 * (id, slug, dates, tags; in columns, not objects). At the end the keys are
 * sorted into publication order, the index files planned from them, and the
 * packs copied out of the spill in that order.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  type CompiledArticle,
  compare,
  idClashError,
  resolveSlugClashes,
  shortenForFeeds,
} from '../src/content/compile-articles.ts';
import { planIndexFiles, type StoreKeys } from '../src/content/plan-store.ts';
import { SortedKeys, stringKey } from '../src/content/string-key.ts';
import type { ArticleBody, ArticleMeta, ArticleTag, ContentIssue, ContentWarning } from '../src/content/types.ts';
import { encodePack, encodeSegment, type PackRecord, segmentBytes, splitBody } from '../src/site/pack-format.ts';
import {
  lastAtOrBefore,
  PACK_START_BYTES,
  PACK_STARTS_CHUNK,
  planPacks,
  type StoreManifest,
  storePaths,
} from '../src/site/store-layout.ts';
import { float64Column, int32Column, uint8Column } from './number-column.ts';
import { StringColumn } from './string-column.ts';

const SPILL_BUFFER = 1 << 20;
/** The most bytes of ids or slugs the finish holds in memory (100,000 generated articles' slugs are 6.9 MB). */
const MAX_HELD_STRINGS = 32 << 20;
const EXTENSIONS = ['.txt', '.md'];

/** Level 6, zlib's default: level 9 makes records 1% smaller and the build a third slower. */
const LEVEL = 6;

/**
 * A segment as the Worker inflates it (src/site/pack-format.ts): each part JSON on one line, compressed as one
 * raw DEFLATE stream ending each part in a sync flush. A part is compressed on its own with the parts before
 * it as its dictionary, which is exactly what the stream's window holds when they are inflated in turn.
 */
const compressSegment = (...parts: readonly object[]): Uint8Array => {
  const raw = parts.map((part) => Buffer.from(`${JSON.stringify(part)}\n`));
  return encodeSegment(
    raw.map((part, i) =>
      deflateRawSync(part, {
        level: LEVEL,
        finishFlush: constants.Z_SYNC_FLUSH,
        ...(i > 0 ? { dictionary: Buffer.concat(raw.slice(0, i)) } : {}),
      }),
    ),
  );
};

/** A segment's value: its parts' JSON merged into one object (a body's parts are its fields, split). */
export const decompressSegment = <T>(data: Uint8Array): T =>
  Object.assign(
    {},
    ...inflateRawSync(segmentBytes(data), { finishFlush: constants.Z_SYNC_FLUSH })
      .toString('utf8')
      .split('\n')
      .slice(0, -1)
      .map((line) => JSON.parse(line) as object),
  ) as T;

const compressBody = (body: ArticleBody): Uint8Array => compressSegment(...splitBody(body));

/** An article's two segments, meta and body. */
export const compressRecord = (meta: ArticleMeta, body: ArticleBody): { meta: Uint8Array; body: Uint8Array } => ({
  meta: compressSegment(meta),
  body: compressBody(body),
});

/** "2022-11-28T12:00:00+03:00" from its instant and its offset: dates kept as numbers, shown as the build wrote them. */
export const isoWithOffset = (epochMs: number, offsetMinutes: number): string => {
  const wall = new Date(epochMs + offsetMinutes * 60_000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(abs / 60))}:${pad(abs % 60)}`
  );
};

const offsetOf = (iso: string): number => {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!m) throw new Error(`date ${iso} has no UTC offset`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
};

/** What the writer keeps of an article's meta: enough to order, index and check it without reading it again. */
export type ArticleKeys = Pick<ArticleMeta, 'id' | 'slug' | 'published' | 'updated' | 'tags'>;

/** Where an article's two segments lie in a file: the meta segment, then the body segment. */
export interface StoredRecord {
  fd: number;
  offset: number;
  metaLength: number;
  length: number;
}

/**
 * The store the last build wrote, for packs that come out the same: their first positions
 * and content hashes, where each article then stood, and the folder that holds them.
 */
export interface PreviousStore {
  dir: string;
  count: number;
  starts: number[];
  hashes: string[];
}

export interface WrittenStore {
  count: number;
  /** Where each article added now stands (by the order added), and each pack's start and content hash. */
  positions: Uint32Array;
  packs: { starts: number[]; hashes: string[] };
  /** Files written, with the manifest. */
  files: number;
  bytes: number;
  version: string;
}

export class StoreWriter {
  readonly #spillPath: string;
  readonly #spill: number;
  #spillBytes = 0;
  /** Segments not yet written to the spill: one write a megabyte, not two an article. */
  readonly #unwritten = Buffer.allocUnsafe(SPILL_BUFFER);
  #unwrittenBytes = 0;
  #spillWritten = 0;
  // One entry per article, in the order added.
  readonly #ids: StringColumn;
  // A source file is its id and one of these extensions (compile-articles.ts): a byte, not a second string.
  readonly #extensions = uint8Column();
  readonly #slugs: StringColumn;
  readonly #columnPaths: [string, string];
  readonly #explicit = uint8Column();
  readonly #shortened = uint8Column();
  readonly #published = float64Column();
  readonly #updated = float64Column();
  readonly #updatedOffset = int32Column();
  // The file that holds each article's segments: −1 for the spill, else a file kept by the build cache.
  readonly #fd = int32Column();
  // Where a stored article stood in the previous store, or −1.
  readonly #previous = int32Column();
  // Spill files pass 2 GiB at a million articles.
  readonly #spillOffset = float64Column();
  readonly #spillLength = int32Column();
  readonly #spillMetaLength = int32Column();
  readonly #tagStart = int32Column();
  readonly #tagRefs = int32Column();
  // Each spelling of each tag once.
  readonly #tagTable: ArticleTag[] = [];
  readonly #tagIndex = new Map<string, number>();
  /** Folders of the store made so far: a mkdir a folder, not one a file (3,600 files at 100,000 articles). */
  readonly #folders = new Set<string>();

  /**
   * `workDir` holds the spill file while the store is written; finish() removes it, or,
   * given `keepSpillAs`, moves it there (a build cache keeps it, see build-cache.ts).
   */
  constructor(workDir: string) {
    mkdirSync(workDir, { recursive: true });
    this.#spillPath = join(workDir, 'articles.spill');
    // Their bytes wait on disk while articles are compiled (StringColumn).
    this.#columnPaths = [join(workDir, 'ids.spill'), join(workDir, 'slugs.spill')];
    this.#ids = new StringColumn(this.#columnPaths[0]);
    this.#slugs = new StringColumn(this.#columnPaths[1]);
    this.#spill = openSync(this.#spillPath, 'w+');
  }

  get count(): number {
    return this.#ids.length;
  }

  /**
   * Adds a compiled article; returns its index in the order added. `shortened`: its body was cut
   * for feeds to its summary and a link to its page, which names its slug (see finish()).
   */
  add({ meta, body, file, explicitSlug }: CompiledArticle, shortened = false): number {
    const record = compressRecord(meta, body);
    return this.addCompressed(meta, file, explicitSlug, shortened, record.meta, record.body);
  }

  /** Adds an article whose segments were compressed before (a build cache's), copying them into the spill. */
  addCompressed(
    meta: ArticleKeys,
    file: string,
    explicitSlug: boolean,
    shortened: boolean,
    metaSegment: Uint8Array,
    body: Uint8Array,
  ): number {
    const offset = this.#spillBytes;
    this.#toSpill(metaSegment);
    this.#toSpill(body);
    this.#spillBytes += metaSegment.byteLength + body.byteLength;
    return this.#addKeys(meta, file, explicitSlug, shortened, {
      fd: -1,
      offset,
      metaLength: metaSegment.byteLength,
      length: metaSegment.byteLength + body.byteLength,
    });
  }

  /**
   * Adds an article whose segments stay where they are, in a file open for reading until
   * finish() (a build cache's): nothing is read or copied until the packs are written.
   */
  addStored(
    meta: ArticleKeys,
    file: string,
    explicitSlug: boolean,
    shortened: boolean,
    stored: StoredRecord,
    previousPosition = -1,
  ): number {
    return this.#addKeys(meta, file, explicitSlug, shortened, stored, previousPosition);
  }

  #addKeys(
    meta: ArticleKeys,
    file: string,
    explicitSlug: boolean,
    shortened: boolean,
    stored: StoredRecord,
    previousPosition = -1,
  ): number {
    this.#previous.push(previousPosition);
    this.#shortened.push(shortened ? 1 : 0);
    this.#fd.push(stored.fd);
    this.#spillOffset.push(stored.offset);
    this.#spillMetaLength.push(stored.metaLength);
    this.#spillLength.push(stored.length);
    this.#ids.push(meta.id);
    const extension = EXTENSIONS.indexOf(file.slice(meta.id.length));
    if (extension < 0) throw new Error(`${file} is not the source of article ${meta.id}`);
    this.#extensions.push(extension);
    this.#slugs.push(meta.slug);
    this.#explicit.push(explicitSlug ? 1 : 0);
    this.#published.push(Date.parse(meta.published));
    this.#updated.push(Date.parse(meta.updated));
    this.#updatedOffset.push(offsetOf(meta.updated));
    this.#tagStart.push(this.#tagRefs.length);
    for (const tag of meta.tags) {
      const key = `${tag.slug}\n${tag.name}`;
      let ref = this.#tagIndex.get(key);
      if (ref === undefined) {
        ref = this.#tagTable.length;
        this.#tagTable.push(tag);
        this.#tagIndex.set(key, ref);
      }
      this.#tagRefs.push(ref);
    }
    return this.#ids.length - 1;
  }

  /** Where the article added `added`-th by add() or addCompressed() lies in the spill file. */
  spillLocation(added: number): { offset: number; metaLength: number; length: number } {
    return {
      offset: this.#spillOffset.at(added)!,
      metaLength: this.#spillMetaLength.at(added)!,
      length: this.#spillLength.at(added)!,
    };
  }

  #file(added: number): string {
    return this.#ids.at(added) + EXTENSIONS[this.#extensions.at(added)!];
  }

  #tagsOf(added: number): ArticleTag[] {
    const end = added + 1 < this.#tagStart.length ? this.#tagStart.at(added + 1)! : this.#tagRefs.length;
    const tags: ArticleTag[] = [];
    for (let i = this.#tagStart.at(added)!; i < end; i++) tags.push(this.#tagTable[this.#tagRefs.at(i)!]!);
    return tags;
  }

  /** Appends a segment at the spill's end (#spillBytes counts it once the caller adds it). */
  #toSpill(segment: Uint8Array): void {
    if (this.#unwrittenBytes + segment.byteLength > SPILL_BUFFER) this.#flushSpill();
    if (segment.byteLength > SPILL_BUFFER) {
      writeSync(this.#spill, segment, 0, segment.byteLength, this.#spillWritten);
      this.#spillWritten += segment.byteLength;
      return;
    }
    this.#unwritten.set(segment, this.#unwrittenBytes);
    this.#unwrittenBytes += segment.byteLength;
  }

  #flushSpill(): void {
    writeSync(this.#spill, this.#unwritten, 0, this.#unwrittenBytes, this.#spillWritten);
    this.#spillWritten += this.#unwrittenBytes;
    this.#unwrittenBytes = 0;
  }

  #readSpill(added: number): { meta: Uint8Array; body: Uint8Array } {
    const data = new Uint8Array(this.#spillLength.at(added)!);
    const fd = this.#fd.at(added)!;
    readSync(fd === -1 ? this.#spill : fd, data, 0, data.byteLength, this.#spillOffset.at(added)!);
    const metaLength = this.#spillMetaLength.at(added)!;
    return { meta: data.subarray(0, metaLength), body: data.subarray(metaLength) };
  }

  /** Makes the folder that will hold `file`, once. */
  #folderFor(file: string): void {
    const folder = dirname(file);
    if (this.#folders.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    this.#folders.add(folder);
  }

  /** Links a file of the previous store into the new one (a copy where links are refused); false if it is gone. */
  #link(from: string, to: string): boolean {
    try {
      this.#folderFor(to);
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
      return true;
    } catch {
      return false;
    }
  }

  /** Articles in publication order, as indices into what was added. */
  #publicationOrder(): Uint32Array {
    const order = new Uint32Array(this.count).map((_, i) => i);
    const published = this.#published;
    const ids = this.#ids;
    // comparePublication's order, without two objects a comparison (20 million at a million articles);
    // ids are read only for articles published at the same instant.
    return order.sort((a, b) => published.at(a)! - published.at(b)! || compare(ids.at(a), ids.at(b)));
  }

  /** Two sources with one id, or ids that differ only in case (a.txt and A.md): the first by file name keeps it. */
  #idClashes(errors: ContentIssue[]): void {
    // Only ids whose key another shares may clash: those are sorted as strings, lowered once each.
    const keys = new Float64Array(this.count);
    for (let i = 0; i < keys.length; i++) keys[i] = stringKey(this.#ids.at(i).toLowerCase());
    const shared = SortedKeys.of(keys).shared();
    const ids = new Map<number, string>();
    for (let i = 0; i < keys.length; i++) if (shared.has(keys[i]!)) ids.set(i, this.#ids.at(i).toLowerCase());
    const byId = [...ids.keys()];
    byId.sort((a, b) => compare(ids.get(a)!, ids.get(b)!) || compare(this.#file(a), this.#file(b)));
    for (let i = 1, first = byId[0]!; i < byId.length; i++) {
      const next = byId[i]!;
      if (ids.get(first) === ids.get(next)) errors.push(idClashError(this.#file(next), this.#file(first)));
      else first = next;
    }
  }

  /**
   * Sorts, checks what needs every article (ids, slugs), and writes the store
   * into `outDir`, unless that finds errors: then it writes nothing.
   */
  finish(
    outDir: string,
    issues: { errors: ContentIssue[]; warnings: ContentWarning[] },
    onWritten?: (articles: number) => void,
    keepSpillAs?: string,
    previous?: PreviousStore,
  ): WrittenStore | undefined {
    try {
      this.#flushSpill();
      // Held again for the finish, which reads each slug four times, unless that would raise the build's peak
      // memory: a million articles' slugs, about 69 MB, are read from the file (its finish took 30 s, 32 s held).
      this.#ids.load(MAX_HELD_STRINGS);
      this.#slugs.load(MAX_HELD_STRINGS);
      this.#idClashes(issues.errors);
      const order = this.#publicationOrder();
      const renamed = resolveSlugClashes({
        count: order.length,
        slug: (position) => this.#slugs.at(order[position]!),
        explicit: (position) => this.#explicit.at(order[position]!) === 1,
        file: (position) => this.#file(order[position]!),
        guid: (position) => decompressSegment<ArticleMeta>(this.#readSpill(order[position]!).meta).guid,
        errors: issues.errors,
        warnings: issues.warnings,
      });
      if (issues.errors.length > 0) return undefined;
      return this.#write(outDir, order, renamed, onWritten, previous);
    } finally {
      closeSync(this.#spill);
      if (keepSpillAs) renameSync(this.#spillPath, keepSpillAs);
      else rmSync(this.#spillPath, { force: true });
      this.#ids.close();
      this.#slugs.close();
      for (const path of this.#columnPaths) rmSync(path, { force: true });
    }
  }

  #write(
    outDir: string,
    order: Uint32Array,
    renamedSlugs: ReadonlyMap<number, string>,
    onWritten: ((articles: number) => void) | undefined,
    previous: PreviousStore | undefined,
  ): WrittenStore {
    // The version hashes each file's path and content hash, so that a pack taken over from the
    // previous store counts by the hash it had.
    const hash = createHash('sha256');
    let files = 0;
    let bytes = 0;
    const count = (path: string, contentHash: string, size: number) => {
      hash.update(path).update('\0').update(contentHash);
      files++;
      bytes += size;
    };
    const write = (path: string, content: string | Uint8Array): string => {
      const file = join(outDir, path);
      this.#folderFor(file);
      writeFileSync(file, content);
      const contentHash = createHash('sha256').update(content).digest('hex');
      count(path, contentHash, typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength);
      return contentHash;
    };
    const positions = new Uint32Array(order.length);
    for (let position = 0; position < order.length; position++) positions[order[position]!] = position;

    const keys: StoreKeys = {
      count: order.length,
      slug: (position) => renamedSlugs.get(position) ?? this.#slugs.at(order[position]!),
      updated: (position) =>
        isoWithOffset(this.#updated.at(order[position]!)!, this.#updatedOffset.at(order[position]!)!),
      updatedMs: (position) => this.#updated.at(order[position]!)!,
      tags: (position) => this.#tagsOf(order[position]!),
    };
    for (const { path, content } of planIndexFiles(keys)) write(path, content);

    // The rare article whose derived slug clashed: its meta takes the suffixed slug, and a body
    // cut for feeds its link to the page. Kept, so that packs are planned on the bytes they hold.
    const renamed = new Map<number, { meta: Uint8Array; body: Uint8Array }>();
    renamedSlugs.forEach((slug, position) => {
      const added = order[position]!;
      const record = this.#readSpill(added);
      const meta = { ...decompressSegment<ArticleMeta>(record.meta), slug };
      const body =
        this.#shortened.at(added) === 1
          ? compressBody(shortenForFeeds(meta, decompressSegment<ArticleBody>(record.body)))
          : record.body;
      renamed.set(position, { meta: compressSegment(meta), body });
    });
    const recordBytes = (position: number) => {
      const record = renamed.get(position);
      return record ? record.meta.byteLength + record.body.byteLength : this.#spillLength.at(order[position]!)!;
    };
    const starts = planPacks(order.length, recordBytes);

    // A pack whose every article stood where it stands now, unchanged, in a pack of the same
    // bounds, is the same bytes: it is linked from the previous store rather than written again.
    const previousPack = (start: number, end: number): number | undefined => {
      if (!previous) return undefined;
      const k = lastAtOrBefore(previous.starts.length, (i) => previous.starts[i]!, start);
      if (k < 0 || previous.starts[k] !== start) return undefined;
      if ((previous.starts[k + 1] ?? previous.count) !== end) return undefined;
      for (let position = start; position < end; position++)
        if (this.#previous.at(order[position]!) !== position || renamed.has(position)) return undefined;
      return k;
    };
    // The newest update before each pack: what is published at an instant that cuts a pack is dated by it.
    const updatedBefore = new Float64Array(starts.length);
    const hashes: string[] = [];
    let updatedSoFar = Number.NEGATIVE_INFINITY;
    for (let pack = 0; pack < starts.length; pack++) {
      updatedBefore[pack] = updatedSoFar;
      const start = starts[pack]!;
      const end = starts[pack + 1] ?? order.length;
      for (let position = start; position < end; position++)
        updatedSoFar = Math.max(updatedSoFar, this.#updated.at(order[position]!)!);
      const kept = previousPack(start, end);
      const path = storePaths.pack(pack);
      if (kept !== undefined && previous && this.#link(join(previous.dir, storePaths.pack(kept)), join(outDir, path))) {
        count(path, previous.hashes[kept]!, statSync(join(outDir, path)).size);
        hashes.push(previous.hashes[kept]!);
      } else {
        const records: PackRecord[] = [];
        for (let position = start; position < end; position++) {
          const added = order[position]!;
          const { meta, body } = renamed.get(position) ?? this.#readSpill(added);
          records.push({ published: this.#published.at(added)!, updated: this.#updated.at(added)!, meta, body });
        }
        hashes.push(write(path, encodePack(records)));
      }
      onWritten?.(end);
    }
    // Where each pack begins, in chunks: only the newest chunk changes, when a pack is opened.
    const packChunks: number[] = [];
    for (let chunk = 0; chunk * PACK_STARTS_CHUNK < starts.length; chunk++) {
      const from = chunk * PACK_STARTS_CHUNK;
      const part = starts.slice(from, from + PACK_STARTS_CHUNK);
      const bytes = Buffer.alloc(part.length * PACK_START_BYTES);
      for (const [i, start] of part.entries()) {
        bytes.writeDoubleLE(updatedBefore[from + i]!, i * PACK_START_BYTES);
        bytes.writeUInt32LE(start, i * PACK_START_BYTES + 8);
      }
      write(storePaths.packStarts(chunk), bytes);
      packChunks.push(part[0]!);
    }

    const newest = order.length > 0 ? this.#published.at(order[order.length - 1]!)! : null;
    const version = hash.digest('hex').slice(0, 16);
    const manifest: StoreManifest = {
      count: order.length,
      newestPublished: newest,
      version,
      packs: starts.length,
      packChunks,
    };
    // The newest change anywhere: an older article may have been updated later than the newest was published.
    // Searched in publication order, so that a tie between spellings of one instant always picks the same.
    let updated = -1;
    for (const added of order)
      if (updated === -1 || this.#updated.at(added)! > this.#updated.at(updated)!) updated = added;
    if (updated !== -1) manifest.updated = isoWithOffset(this.#updated.at(updated)!, this.#updatedOffset.at(updated)!);
    const json = JSON.stringify(manifest);
    this.#folderFor(join(outDir, storePaths.manifest));
    writeFileSync(join(outDir, storePaths.manifest), json);
    return {
      count: order.length,
      files: files + 1,
      bytes: bytes + Buffer.byteLength(json),
      version,
      positions,
      packs: { starts, hashes },
    };
  }
}
