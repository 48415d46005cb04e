/**
 * Compiled articles kept between content builds, so that publishing one
 * article compiles one: for each source file, its size and modification time
 * (and its sidecar's), and what compiling it gave: the keys the store writer
 * orders and indexes it by, its warnings, and where its compressed segments lie
 * (in the spill files of earlier builds, kept beside the store). A build reads
 * the segments of an unchanged article only to write its pack, and copies none:
 * its new articles' spill joins the files the cache keeps, until they are
 * MAX_SEGMENT_FILES, when a build copies every article into its own spill and
 * starts again from one file. A change to the settings or to the compiler's
 * code (its fingerprint) discards it all; the output is the same bytes with or
 * without it.
 *
 * The index holds nothing in memory: it is a line a file (`name⇥JSON`), written
 * as the build reads the seeds and read back in the same order by the next
 * build, since a directory lists the files it keeps in the same order each time
 * (ext4 by a hash of the name, tmpfs by creation). A file listed out of that
 * order is found by reading on and keeping what is passed over, so another order
 * costs memory, never correctness.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentSettings, ContentWarning } from '../src/content/types.ts';
import { NEWLINE } from '../src/site/asset-reader.ts';
import { type StoreManifest, storePaths } from '../src/site/store-layout.ts';
import { NameSet } from './name-set.ts';
import { type PictureIdentity, type SourceIdentity, sameSource } from './source-identity.ts';
import type { ArticleKeys, PreviousStore, StoredRecord, WrittenStore } from './store-writer.ts';
import { projectRoot } from './wrangler-config.ts';

/** Spill files the cache keeps before a build compacts them into one. */
const MAX_SEGMENT_FILES = 8;

const INDEX = 'index.txt';
/** The names the index holds, as a NameSet, so that the next build need not read the index twice. */
const NAMES = 'index.names';
/** The store the build of this index wrote: its version, its packs' starts and content hashes (JSON). */
const STORE = 'index.store';
/** Where each article stood in that store, by its number in the order added (little-endian u32). */
const POSITIONS = 'index.positions';

interface PreviousIndex {
  header: CacheHeader;
  fd: number;
  names: NameSet;
  store?: { record: StoreRecord; positions: Uint32Array };
}

interface StoreRecord {
  version: string;
  count: number;
  starts: number[];
  hashes: string[];
}

export interface CachedArticle extends SourceIdentity {
  draft: boolean;
  explicitSlug: boolean;
  /** Its body was cut to its summary and a link for feeds (compile-articles.ts fitIntoFeeds). */
  shortened: boolean;
  warnings: ContentWarning[];
  pictures: PictureIdentity[];
  /** What the store writer needs of its meta; absent for a draft. */
  keys?: ArticleKeys;
  /** Its meta segment, then its body segment, in segments file `file` of the index. */
  file: number;
  offset: number;
  metaLength: number;
  length: number;
  /** Its number in the order the store writer was given the articles (−1 for a draft). */
  added: number;
  /** The entry's bytes as the index had them, but for `added`: what the next index writes again for an article taken over. */
  row: Uint8Array;
}

/**
 * An entry as the index writes it, after its file's name and its `added` (a line is
 * `name<TAB>added<TAB>row`): a JSON array rather than an object (half the bytes), which an
 * article taken over unchanged keeps as it was, so that the next index writes it again unparsed:
 * [size, mtimeMs, sidecar, sidecarSize, sidecarMtimeMs, flags, file, offset, metaLength, length,
 *  id, slug, published, updated, [tag name, tag slug, …], warnings?, pictures?]
 */
type EntryRow = [
  number,
  number,
  string | null,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  string,
  string,
  string,
  string,
  string[],
  ContentWarning[]?,
  PictureIdentity[]?,
];

const [DRAFT, EXPLICIT_SLUG, SHORTENED] = [1, 2, 4];

/** Where a draft's segments are: it has none. */
const NOWHERE = { file: 0, offset: 0, metaLength: 0, length: 0 };

const encodeEntry = (a: Omit<CachedArticle, 'row' | 'added'>): string => {
  const flags = (a.draft ? DRAFT : 0) | (a.explicitSlug ? EXPLICIT_SLUG : 0) | (a.shortened ? SHORTENED : 0);
  const k = a.keys;
  const row: EntryRow = [
    a.size,
    a.mtimeMs,
    a.sidecar,
    a.sidecarSize,
    a.sidecarMtimeMs,
    flags,
    a.file,
    a.offset,
    a.metaLength,
    a.length,
    k?.id ?? '',
    k?.slug ?? '',
    k?.published ?? '',
    k?.updated ?? '',
    k ? k.tags.flatMap((tag) => [tag.name, tag.slug]) : [],
  ];
  if (a.warnings.length > 0 || a.pictures.length > 0) row.push(a.warnings, a.pictures);
  return JSON.stringify(row);
};

const TAB = 9;
const LINE_END = Buffer.from([NEWLINE]);

/** An entry from its line, less the name: `added<TAB>row`. */
const decodeEntry = (entry: Buffer): CachedArticle => {
  const tab = entry.indexOf(TAB);
  const added = Number(entry.toString('latin1', 0, tab));
  const row = entry.subarray(tab + 1);
  const [size, mtimeMs, sidecar, sidecarSize, sidecarMtimeMs, flags, file, offset, metaLength, length, ...rest] =
    JSON.parse(row.toString('utf8')) as EntryRow;
  const [id, slug, published, updated, tags, warnings = [], pictures = []] = rest;
  const draft = (flags & DRAFT) !== 0;
  return {
    size,
    mtimeMs,
    sidecar,
    sidecarSize,
    sidecarMtimeMs,
    draft,
    explicitSlug: (flags & EXPLICIT_SLUG) !== 0,
    shortened: (flags & SHORTENED) !== 0,
    warnings,
    pictures,
    ...(draft
      ? {}
      : {
          keys: {
            id,
            slug,
            published,
            updated,
            tags: Array.from({ length: tags.length / 2 }, (_, i) => ({ name: tags[2 * i]!, slug: tags[2 * i + 1]! })),
          },
        }),
    file,
    offset,
    metaLength,
    length,
    added,
    row,
  };
};

/** The index's first line. */
interface CacheHeader {
  fingerprint: string;
  /** The files in the cache's folder that hold the segments. */
  segments: string[];
}

/** Whether a process is still running: a build's files are its own while it runs. */
const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const CHUNK = 1 << 20;

/**
 * Lines of a file, read forward a megabyte at a time, as bytes: an entry taken over unchanged is
 * written to the next index as it was read, never decoded and encoded again (33 MB at 100,000 articles).
 */
class LineReader {
  readonly #fd: number;
  #position = 0;
  #chunk = Buffer.alloc(0);
  #start = 0;
  #done = false;

  constructor(fd: number) {
    this.#fd = fd;
  }

  /** The next line, without its newline: a view of a chunk that stays valid, since each read takes a new one. */
  nextBytes(): Buffer | undefined {
    for (;;) {
      const end = this.#chunk.indexOf(NEWLINE, this.#start);
      if (end !== -1 || (this.#done && this.#start < this.#chunk.length)) {
        const line = this.#chunk.subarray(this.#start, end === -1 ? undefined : end);
        this.#start = end === -1 ? this.#chunk.length : end + 1;
        return line;
      }
      if (this.#done) return undefined;
      const rest = this.#chunk.subarray(this.#start);
      const chunk = Buffer.allocUnsafe(rest.length + CHUNK);
      rest.copy(chunk);
      const read = readSync(this.#fd, chunk, rest.length, CHUNK, this.#position);
      this.#position += read;
      this.#done = read === 0;
      this.#chunk = chunk.subarray(0, rest.length + read);
      this.#start = 0;
    }
  }

  next(): string | undefined {
    return this.nextBytes()?.toString('utf8');
  }
}

/**
 * Lines written to a file a megabyte at a time, copied into a buffer of its own: a line kept as
 * the Buffer it was encoded into is a view of one of Node's shared pool slabs (64 KB), which the
 * compile's own small Buffers fill between two lines, so a megabyte of pending lines held some
 * 100 MB of slabs and made the whole build 10% slower (10,000 articles).
 */
class LineWriter {
  readonly #fd: number;
  readonly #buffer = Buffer.allocUnsafeSlow(CHUNK);
  #size = 0;

  constructor(path: string) {
    this.#fd = openSync(path, 'w');
  }

  /** A line: its text, then the bytes of its tail if it has one (an entry as read). */
  write(text: string, tail?: Uint8Array): void {
    const line = tail ? text : `${text}\n`;
    const bytes = Buffer.byteLength(line) + (tail ? tail.byteLength + 1 : 0);
    if (this.#size + bytes > CHUNK) this.flush();
    if (bytes > CHUNK) {
      writeSync(this.#fd, tail ? Buffer.concat([Buffer.from(line), tail, LINE_END]) : line);
      return;
    }
    this.#size += this.#buffer.write(line, this.#size);
    if (tail) {
      this.#buffer.set(tail, this.#size);
      this.#size += tail.byteLength;
      this.#buffer[this.#size++] = NEWLINE;
    }
  }

  flush(): void {
    if (this.#size === 0) return;
    writeSync(this.#fd, this.#buffer, 0, this.#size);
    this.#size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}

/** The settings, every source file of the compiler and of the store's format, and the locked dependencies: what a compiled article and a pack depend on. */
export const compilerFingerprint = (settings: ContentSettings): string => {
  const hash = createHash('sha256').update(
    JSON.stringify([settings.language, settings.timeZone, settings.footerMarkers]),
  );
  const content = join(projectRoot, 'src/content');
  for (const name of readdirSync(content).sort()) hash.update(name).update(readFileSync(join(content, name)));
  // A staging copy of the project (scripts/built-worker.ts) may have no lock file: then only the code counts.
  for (const name of [
    'package-lock.json',
    'scripts/compile-seed.ts',
    'scripts/store-writer.ts',
    'scripts/build-cache.ts',
    'scripts/source-identity.ts',
    // The store's format: a pack is taken over from the previous store only if it was written the same way.
    'src/site/pack-format.ts',
    'src/site/store-layout.ts',
  ])
    if (existsSync(join(projectRoot, name))) hash.update(name).update(readFileSync(join(projectRoot, name)));
  return hash.digest('hex');
};

export class BuildCache {
  readonly #dir: string;
  /** The previous build's segments files, by their number in its index. */
  readonly #files: string[];
  #fds: number[] = [];
  /** The previous index, after its header; and the names it holds. */
  readonly #previous: LineReader | undefined;
  readonly #previousFd: number | undefined;
  readonly #previousNames: NameSet;
  readonly #nextNames = new NameSet();
  readonly #store: { record: StoreRecord; positions: Uint32Array } | undefined;
  #closed = false;
  /** Entries of the previous index read past while looking for a file listed out of order. */
  readonly #passed = new Map<string, Buffer>();
  readonly #isPresent: (name: string) => boolean;
  /** This build's spill, as it will be named, and its number among the segments files. */
  readonly #spill: string;
  readonly #spillFile: number;
  readonly #next: LineWriter;
  readonly #nextPath: string;
  readonly compacting: boolean;

  private constructor(
    dir: string,
    fingerprint: string,
    previous: PreviousIndex | undefined,
    isPresent: (name: string) => boolean,
  ) {
    this.#dir = dir;
    this.#isPresent = isPresent;
    this.#files = previous?.header.segments ?? [];
    // Opened now: a build running at the same time may remove them once it has saved its own.
    this.#fds = this.#files.map((file) => openSync(join(dir, file), 'r'));
    this.#previousFd = previous?.fd;
    this.#previousNames = previous?.names ?? new NameSet();
    this.#store = previous?.store;
    if (previous) {
      this.#previous = new LineReader(previous.fd);
      this.#previous.next();
    }
    this.compacting = this.#files.length >= MAX_SEGMENT_FILES;
    this.#spill = `segments-${fingerprint.slice(0, 8)}-${process.pid}-${Date.now()}.bin`;
    const segments = this.compacting ? [this.#spill] : [...this.#files, this.#spill];
    this.#spillFile = segments.length - 1;
    this.#nextPath = join(dir, `${INDEX}.${process.pid}`);
    this.#next = new LineWriter(this.#nextPath);
    this.#next.write(JSON.stringify({ fingerprint, segments } satisfies CacheHeader));
  }

  /**
   * The cache in `dir`, or an empty one when there is none or it was made by other settings or code.
   * `isPresent` says whether a file is in seeds/ now: entries of files gone are skipped.
   */
  static async open(dir: string, fingerprint: string, isPresent: (name: string) => boolean): Promise<BuildCache> {
    await mkdir(dir, { recursive: true });
    let previous: PreviousIndex | undefined;
    try {
      const fd = openSync(join(dir, INDEX), 'r');
      const header = JSON.parse(new LineReader(fd).next() ?? '') as CacheHeader;
      const usable =
        header.fingerprint === fingerprint &&
        Array.isArray(header.segments) &&
        header.segments.every((file) => existsSync(join(dir, file))) &&
        existsSync(join(dir, NAMES));
      if (usable) previous = { header, fd, names: NameSet.fromBytes(readFileSync(join(dir, NAMES))) };
      else closeSync(fd);
      if (previous && existsSync(join(dir, STORE)) && existsSync(join(dir, POSITIONS))) {
        const bytes = readFileSync(join(dir, POSITIONS));
        const positions = new Uint32Array(bytes.byteLength / 4);
        new Uint8Array(positions.buffer).set(bytes);
        previous.store = { record: JSON.parse(readFileSync(join(dir, STORE), 'utf8')) as StoreRecord, positions };
      }
    } catch {
      // No cache yet, or an unreadable one: every file is compiled.
    }
    return new BuildCache(dir, fingerprint, previous, isPresent);
  }

  /**
   * The store the build of this cache wrote, if it is the one in `liveDir` now (another build,
   * one without the cache, may have replaced it since): packs this build would write the same
   * are linked from it.
   */
  previousStore(liveDir: string): PreviousStore | undefined {
    if (!this.#store) return undefined;
    try {
      const manifest = JSON.parse(readFileSync(join(liveDir, storePaths.manifest), 'utf8')) as StoreManifest;
      if (manifest.version !== this.#store.record.version) return undefined;
    } catch {
      return undefined;
    }
    const { count, starts, hashes } = this.#store.record;
    return { dir: liveDir, count, starts, hashes };
  }

  /** Where a cached article stood in that store, or −1. */
  previousPosition(hit: CachedArticle): number {
    return this.#store?.positions[hit.added] ?? -1;
  }

  /** Where this build's spill is kept until it joins the cache (a name of its own, should two builds run at once). */
  get nextSpill(): string {
    return join(this.#dir, `${this.#spill}.part`);
  }

  /** Whether there is a previous build to take articles from. */
  get reusable(): boolean {
    return this.#previous !== undefined;
  }

  /** How many files the previous build compiled. */
  get known(): number {
    return this.#previous === undefined ? 0 : this.#previousNames.size;
  }

  /** Whether the previous build compiled a file of this name: only then is its identity worth a look. */
  knows(name: string): boolean {
    return this.#previous !== undefined && this.#previousNames.has(name);
  }

  /** The previous entry of this file, if the previous index has one. */
  #find(name: string): CachedArticle | undefined {
    if (!this.#previous || !this.#previousNames.has(name)) return undefined;
    let entry = this.#passed.get(name);
    if (entry !== undefined) this.#passed.delete(name);
    for (let line = entry === undefined ? this.#previous.nextBytes() : undefined; line !== undefined; ) {
      const tab = line.indexOf(TAB);
      const listed = line.toString('utf8', 0, tab);
      if (listed === name) {
        entry = line.subarray(tab + 1);
        break;
      }
      // Listed out of order: kept until its turn comes. A file gone from seeds/ is dropped.
      if (this.#isPresent(listed)) this.#passed.set(listed, line.subarray(tab + 1));
      line = this.#previous.nextBytes();
    }
    return entry === undefined ? undefined : decodeEntry(entry);
  }

  /** What compiling this file gave last time, if it and the pictures it shows are unchanged since. */
  lookup(name: string, source: SourceIdentity, picture: (name: string) => PictureIdentity): CachedArticle | undefined {
    const hit = this.#find(name);
    if (!hit || !sameSource(hit, source)) return undefined;
    const unchanged = hit.pictures.every((was) => {
      const now = picture(was.name);
      return now.size === was.size && now.mtimeMs === was.mtimeMs;
    });
    return unchanged ? hit : undefined;
  }

  /** Where a cached article's segments are, open for reading until the cache is saved or discarded. */
  stored(hit: CachedArticle): StoredRecord {
    return { fd: this.#fds[hit.file]!, offset: hit.offset, metaLength: hit.metaLength, length: hit.length };
  }

  /** A cached article's compressed segments. */
  segments(hit: CachedArticle): { meta: Uint8Array; body: Uint8Array } {
    const data = new Uint8Array(hit.length);
    readSync(this.#fds[hit.file]!, data, 0, hit.length, hit.offset);
    return { meta: data.subarray(0, hit.metaLength), body: data.subarray(hit.metaLength) };
  }

  /**
   * What compiling a file gave this time: a draft, an article in this build's spill (where
   * `spilled` says), or a cached article whose segments stay where they were (`kept`).
   */
  record(
    name: string,
    source: SourceIdentity,
    outcome:
      | { draft: true }
      | {
          added: number;
          spilled: { offset: number; metaLength: number; length: number };
          keys: ArticleKeys;
          explicitSlug: boolean;
          shortened: boolean;
        }
      | { added: number; kept: CachedArticle },
    warnings: ContentWarning[],
    pictures: PictureIdentity[],
  ): void {
    const common = {
      size: source.size,
      mtimeMs: source.mtimeMs,
      sidecar: source.sidecar,
      sidecarSize: source.sidecarSize,
      sidecarMtimeMs: source.sidecarMtimeMs,
      warnings,
      pictures,
    };
    let row: string | Uint8Array;
    let added = -1;
    if ('draft' in outcome) {
      row = encodeEntry({ ...common, draft: true, explicitSlug: false, shortened: false, ...NOWHERE });
    } else if ('spilled' in outcome) {
      const { spilled, keys, explicitSlug, shortened } = outcome;
      added = outcome.added;
      row = encodeEntry({
        ...common,
        draft: false,
        explicitSlug,
        shortened,
        keys,
        file: this.#spillFile,
        ...spilled,
      });
    } else {
      const { kept } = outcome;
      added = outcome.added;
      const unchanged = sameSource(kept, source) && kept.warnings === warnings && kept.pictures === pictures;
      row = unchanged ? kept.row : encodeEntry({ ...kept, ...common });
    }
    if (typeof row === 'string') this.#next.write(`${name}\t${added}\t${row}`);
    else this.#next.write(`${name}\t${added}\t`, row);
    this.#nextNames.add(name);
  }

  /** Keeps this build's results: its spill joins the files kept, and its index replaces the last. */
  async save(written: WrittenStore): Promise<void> {
    this.close();
    const store: StoreRecord = {
      version: written.version,
      count: written.count,
      starts: written.packs.starts,
      hashes: written.packs.hashes,
    };
    writeFileSync(`${this.#nextPath}.store`, JSON.stringify(store));
    writeFileSync(
      `${this.#nextPath}.positions`,
      new Uint8Array(written.positions.buffer, written.positions.byteOffset, written.positions.byteLength),
    );
    await rename(`${this.#nextPath}.store`, join(this.#dir, STORE));
    await rename(`${this.#nextPath}.positions`, join(this.#dir, POSITIONS));
    // The spill under its name, then the index that names it, by a rename: a build that stops in
    // between leaves the previous index with its files, never an index over other bytes.
    await rename(this.nextSpill, join(this.#dir, this.#spill));
    this.#nextNames.seal();
    writeFileSync(`${this.#nextPath}.names`, this.#nextNames.toBytes());
    await rename(`${this.#nextPath}.names`, join(this.#dir, NAMES));
    await rename(this.#nextPath, join(this.#dir, INDEX));
    // Segments files no index names any more, and what builds that were stopped left behind.
    const named = new Set(this.compacting ? [this.#spill] : [...this.#files, this.#spill]);
    for (const name of readdirSync(this.#dir)) {
      const stopped = /^index\.txt\.(\d+)/.exec(name) ?? /^segments-.*-(\d+)-\d+\.bin\.part$/.exec(name);
      const gone =
        ((name.startsWith('segments-') && !name.endsWith('.part')) || name === 'index.json') && !named.has(name);
      if (gone || (stopped && !running(Number(stopped[1])))) await rm(join(this.#dir, name), { force: true });
    }
  }

  /** Drops this build's results (it failed): the cache stays as it was. */
  async discard(): Promise<void> {
    this.close();
    await rm(this.nextSpill, { force: true });
    await rm(this.#nextPath, { force: true });
    for (const extension of ['names', 'store', 'positions'])
      await rm(`${this.#nextPath}.${extension}`, { force: true });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#next.close();
    for (const fd of this.#fds) closeSync(fd);
    if (this.#previousFd !== undefined) closeSync(this.#previousFd);
    this.#fds = [];
  }
}
