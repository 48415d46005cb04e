/**
 * Compiled articles kept between content builds, so that publishing one
 * article compiles one: for each source file, its size and modification time
 * (and its sidecar's), and what compiling it gave: its compressed segments (in
 * the previous build's spill file, kept beside the store) and its warnings. A
 * change to the settings or to the compiler's code (its fingerprint) discards
 * it all; the output is the same bytes with or without it.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentSettings, ContentWarning } from '../src/content/types.ts';
import { projectRoot } from './wrangler-config.ts';

/** What identifies a source file's content without reading it, as make and rsync judge it. */
export interface SourceIdentity {
  size: number;
  mtimeMs: number;
  sidecar: string | null;
  sidecarSize: number;
  sidecarMtimeMs: number;
}

/** A picture from seeds/ an article shows, as it was: a changed picture changes the article's meta (its size, its URL). */
export interface PictureIdentity {
  name: string;
  size: number;
  mtimeMs: number;
}

export interface CachedArticle extends SourceIdentity {
  draft: boolean;
  explicitSlug: boolean;
  /** Its body was cut to its summary and a link for feeds (compile-articles.ts fitIntoFeeds). */
  shortened: boolean;
  warnings: ContentWarning[];
  pictures: PictureIdentity[];
  /** Its meta segment, then its body segment, in the spill file. */
  offset: number;
  metaLength: number;
  length: number;
}

interface CacheIndex {
  fingerprint: string;
  /** The file in the cache's folder that holds the segments. */
  segments?: string;
  articles: Record<string, CachedArticle>;
}

export const sourceIdentity = (dir: string, name: string, sidecar: string | undefined): SourceIdentity => {
  const file = statSync(join(dir, name));
  const side = sidecar ? statSync(join(dir, sidecar)) : undefined;
  return {
    size: file.size,
    mtimeMs: file.mtimeMs,
    sidecar: sidecar ?? null,
    sidecarSize: side?.size ?? 0,
    sidecarMtimeMs: side?.mtimeMs ?? 0,
  };
};

export const pictureIdentity = (dir: string, name: string): PictureIdentity => {
  const stats = statSync(join(dir, name), { throwIfNoEntry: false });
  return { name, size: stats?.size ?? -1, mtimeMs: stats?.mtimeMs ?? -1 };
};

const sameSource = (a: SourceIdentity, b: SourceIdentity) =>
  a.size === b.size &&
  a.mtimeMs === b.mtimeMs &&
  a.sidecar === b.sidecar &&
  a.sidecarSize === b.sidecarSize &&
  a.sidecarMtimeMs === b.sidecarMtimeMs;

/** The settings and every source file of the compiler, and the locked dependencies: what a compiled article depends on. */
export const compilerFingerprint = (settings: ContentSettings): string => {
  const hash = createHash('sha256').update(
    JSON.stringify([settings.language, settings.timeZone, settings.footerMarkers]),
  );
  const content = join(projectRoot, 'src/content');
  for (const name of readdirSync(content).sort()) hash.update(name).update(readFileSync(join(content, name)));
  // A staging copy of the project (scripts/built-worker.ts) may have no lock file: then only the code counts.
  for (const name of ['package-lock.json', 'scripts/store-writer.ts'])
    if (existsSync(join(projectRoot, name))) hash.update(name).update(readFileSync(join(projectRoot, name)));
  return hash.digest('hex');
};

export class BuildCache {
  readonly #dir: string;
  readonly #fingerprint: string;
  readonly #previous: Record<string, CachedArticle>;
  #segments: number | undefined;
  readonly #next: Record<string, Omit<CachedArticle, 'offset' | 'metaLength' | 'length'> & { added?: number }> = {};

  private constructor(dir: string, fingerprint: string, index: CacheIndex | undefined) {
    this.#dir = dir;
    this.#fingerprint = fingerprint;
    const segments = index?.segments ? join(dir, index.segments) : undefined;
    const usable = index?.fingerprint === fingerprint && segments !== undefined && existsSync(segments);
    this.#previous = usable ? index.articles : {};
    // Opened now: a build running at the same time may remove it once it has saved its own.
    this.#segments = usable ? openSync(segments, 'r') : undefined;
  }

  /** The cache in `dir`, or an empty one when there is none or it was made by other settings or code. */
  static async open(dir: string, fingerprint: string): Promise<BuildCache> {
    await mkdir(dir, { recursive: true });
    let index: CacheIndex | undefined;
    try {
      index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as CacheIndex;
    } catch {
      // No cache yet, or an unreadable one: every file is compiled.
    }
    return new BuildCache(dir, fingerprint, index);
  }

  /** Where this build's spill is kept until it replaces the cache's (a build of its own, should two run at once). */
  get nextSpill(): string {
    return join(this.#dir, `segments.next-${process.pid}`);
  }

  /** What compiling this file gave last time, if it and the pictures it shows are unchanged since. */
  lookup(name: string, source: SourceIdentity, picture: (name: string) => PictureIdentity): CachedArticle | undefined {
    const hit = this.#previous[name];
    if (!hit || this.#segments === undefined || !sameSource(hit, source)) return undefined;
    const unchanged = hit.pictures.every((was) => {
      const now = picture(was.name);
      return now.size === was.size && now.mtimeMs === was.mtimeMs;
    });
    return unchanged ? hit : undefined;
  }

  /** A cached article's compressed segments. */
  segments(hit: CachedArticle): { meta: Uint8Array; body: Uint8Array } {
    const data = new Uint8Array(hit.length);
    readSync(this.#segments!, data, 0, hit.length, hit.offset);
    return { meta: data.subarray(0, hit.metaLength), body: data.subarray(hit.metaLength) };
  }

  /** What compiling a file gave this time: a draft, or the article added to the writer `added`-th. */
  record(
    name: string,
    source: SourceIdentity,
    outcome: { draft: true } | { added: number; explicitSlug: boolean; shortened: boolean },
    warnings: ContentWarning[],
    pictures: PictureIdentity[],
  ): void {
    this.#next[name] = {
      ...source,
      draft: 'draft' in outcome,
      explicitSlug: 'draft' in outcome ? false : outcome.explicitSlug,
      shortened: 'draft' in outcome ? false : outcome.shortened,
      warnings,
      pictures,
      ...('draft' in outcome ? {} : { added: outcome.added }),
    };
  }

  /** Keeps this build's results: `locate` says where the writer put each added article in the spill it kept. */
  async save(locate: (added: number) => { offset: number; metaLength: number; length: number }): Promise<void> {
    this.close();
    const articles: Record<string, CachedArticle> = {};
    for (const [name, { added, ...entry }] of Object.entries(this.#next)) {
      articles[name] = { ...entry, ...(added === undefined ? { offset: 0, metaLength: 0, length: 0 } : locate(added)) };
    }
    const index: CacheIndex = { fingerprint: this.#fingerprint, articles };
    // The segments under a name of their own, then the index that names them, by a rename: a build that
    // stops in between leaves the previous index with the previous segments, never an index over other bytes.
    const segments = `segments-${this.#fingerprint.slice(0, 8)}-${process.pid}.bin`;
    await rename(this.nextSpill, join(this.#dir, segments));
    await writeFile(join(this.#dir, `index.json.${process.pid}`), JSON.stringify({ ...index, segments }));
    await rename(join(this.#dir, `index.json.${process.pid}`), join(this.#dir, 'index.json'));
    // Segments files no index names any more.
    for (const name of readdirSync(this.#dir))
      if (name.startsWith('segments-') && name !== segments) await rm(join(this.#dir, name), { force: true });
  }

  /** Drops this build's results (it failed): the cache stays as it was. */
  async discard(): Promise<void> {
    this.close();
    await rm(this.nextSpill, { force: true });
  }

  close(): void {
    if (this.#segments !== undefined) closeSync(this.#segments);
    this.#segments = undefined;
  }
}
