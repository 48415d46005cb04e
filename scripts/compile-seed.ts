/**
 * One seed article compiled into what the store writer and the build cache
 * take: its keys, its two compressed segments, its warnings and the pictures
 * it shows. It runs on the build's worker threads (scripts/compile-pool.ts) or
 * on its main thread, with the same result, so the output never depends on where.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { compileArticle, fitIntoFeeds, type PictureReader, type SourceFile } from '../src/content/compile-articles.ts';
import { type ImageFile, readImage } from '../src/content/read-image.ts';
import {
  type ArticleMeta,
  ContentError,
  type ContentIssue,
  type ContentSettings,
  type ContentWarning,
} from '../src/content/types.ts';
import { identityOf, type SourceIdentity } from './source-identity.ts';
import { type ArticleKeys, compressRecord } from './store-writer.ts';

/** What every compile of one build shares. */
export interface SeedContext {
  seeds: string;
  settings: ContentSettings;
  /** The build's instant, only to say which articles are scheduled (listed, never written). */
  now: number;
}

/** An article file and its sidecar, by name in the seeds folder. */
export interface SeedJob {
  name: string;
  sidecar?: string;
}

interface Compiled {
  /** The files' identity as they were read: the build cache keeps the article under it. */
  source: SourceIdentity;
  warnings: ContentWarning[];
  /** Every picture the compile read, shown or not (an error may stop it half-way): none of them is unused. */
  read: string[];
}

export type CompiledSeed = Compiled &
  (
    | {
        kind: 'article';
        keys: ArticleKeys;
        explicitSlug: boolean;
        /** Its feed body was cut to its summary and a link (see fitIntoFeeds). */
        shortened: boolean;
        meta: Uint8Array;
        body: Uint8Array;
        /** The pictures it shows, to publish. */
        pictures: string[];
        /** Its meta with its title as written, when it is published after `now`. */
        scheduled?: ArticleMeta;
      }
    | { kind: 'draft'; pictures: string[] }
    | { kind: 'error'; issue: ContentIssue }
  );

/**
 * A source file, read whole, and its stats as of that read: from the open file, which costs the build no stat
 * of the path. Read by the size it has: readFileSync would stat it again and read once more to find its end,
 * and a system call is a few microseconds here, four a file rather than six.
 */
const readSource = (dir: string, name: string): { file: SourceFile; stats: Stats } => {
  const fd = openSync(join(dir, name), 'r');
  try {
    const stats = fstatSync(fd);
    // One byte more than its size: a read that fills it means the file grew since, and it is read again whole
    // (a read at a position leaves the file's offset at 0).
    const first = Buffer.allocUnsafeSlow(stats.size + 1);
    const length = readSync(fd, first, 0, first.byteLength, 0);
    const bytes = length <= stats.size ? first.subarray(0, length) : readFileSync(fd);
    return { file: { name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, stats };
  } finally {
    closeSync(fd);
  }
};

/** Reads pictures from the seeds folder, each file's size and type once per thread. */
export const pictureReader = (seeds: string, images = new Map<string, ImageFile>()): PictureReader => {
  return (name) => {
    const path = join(seeds, name);
    if (!existsSync(path)) throw new ContentError(`picture "${name}" is not in seeds/`);
    const bytes = new Uint8Array(readFileSync(path));
    const image = images.get(name) ?? readImage(name, bytes);
    images.set(name, image);
    return { image, bytes };
  };
};

export const compileSeed = (
  { seeds, settings, now }: SeedContext,
  { name, sidecar }: SeedJob,
  readPicture: PictureReader,
): CompiledSeed => {
  const warnings: ContentWarning[] = [];
  const read: string[] = [];
  const file = readSource(seeds, name);
  const side = sidecar ? { name: sidecar, ...readSource(seeds, sidecar) } : undefined;
  const source = identityOf(file.stats, side);
  const outcome = compileArticle(
    { file: file.file, ...(side ? { sidecar: side.file } : {}) },
    settings,
    warnings,
    (picture) => {
      read.push(picture);
      return readPicture(picture);
    },
  );
  if (outcome.kind !== 'article') return { ...outcome, source, warnings, read };
  const { article } = outcome;
  const fitted = fitIntoFeeds(article, settings.pageSize);
  // An article whose fixed fields alone overflow a feed item is an error, any other issue a warning.
  if (fitted.issue && !('kind' in fitted.issue)) return { kind: 'error', issue: fitted.issue, source, warnings, read };
  if (fitted.issue) warnings.push(fitted.issue);
  const { meta } = article;
  const record = compressRecord(meta, fitted.body);
  return {
    kind: 'article',
    keys: { id: meta.id, slug: meta.slug, published: meta.published, updated: meta.updated, tags: meta.tags },
    explicitSlug: article.explicitSlug,
    shortened: fitted.body !== article.body,
    meta: record.meta,
    body: record.body,
    pictures: outcome.pictures,
    ...(Date.parse(meta.published) > now ? { scheduled: { ...meta, title: article.body.title } } : {}),
    source,
    warnings,
    read,
  };
};
