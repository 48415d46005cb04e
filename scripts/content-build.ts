/**
 * The content build: compiles seeds/ into the content store in static assets
 * (packs of articles in publication order and a small sharded index, see
 * src/site/store-layout.ts), one file at a time, never holding the corpus.
 * Fails, writing nothing, on any error. Its command line is scripts/build-content.js.
 *
 * Compiled articles are kept beside the store (`<assets>.cache`, scripts/build-cache.ts),
 * so a build after one new article compiles that one; the output is the same either way.
 *
 * Prints its report (scripts/build-report.ts) to stdout in one write, so that
 * wrangler, which relays stdout and stderr through separate pipes, keeps its
 * order; the progress line goes to stderr, and only to a terminal.
 */
// Synchronous: removing a store of 100,000 articles took 0.15 s awaited and 0.03 s so.
import { type Dir, mkdirSync, opendirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  compare,
  ignoredWarning,
  isArticleFile,
  isSidecarFile,
  sidecarError,
  sidecarNames,
  sortIssues,
  unusedPictureWarning,
} from '../src/content/compile-articles.ts';
import { isPictureFile } from '../src/content/read-image.ts';
import type { ArticleBody, ArticleMeta, ContentIssue, ContentSettings, ContentWarning } from '../src/content/types.ts';
import { IMMUTABLE_CACHE_CONTROL } from '../src/http/cache-policy.ts';
import { SECURITY_HEADERS } from '../src/http/security-headers.ts';
import { IMAGES_PREFIX } from '../src/site/paths.ts';
import { parseSiteConfig, type SiteConfig } from '../src/site/site-config.ts';
import { BuildCache, type CachedArticle, compilerFingerprint } from './build-cache.ts';
import { createProgress, type Progress } from './build-progress.ts';
import { type BuildOutput, formatBuildReport } from './build-report.ts';
import { CompilePool, compileThreads } from './compile-pool.ts';
import { type CompiledSeed, pictureReader } from './compile-seed.ts';
import { scheduledLines } from './list-scheduled.ts';
import { NameSet } from './name-set.ts';
import { SeedStats } from './seed-stats.ts';
import { pictureIdentity, type SourceIdentity, sourceIdentity } from './source-identity.ts';
import { decompressSegment, StoreWriter } from './store-writer.ts';
import { readWranglerConfig, projectRoot as root } from './wrangler-config.ts';

export interface BuildOptions {
  seeds: string;
  assets: string;
  /** The wrangler.toml whose [vars] hold the settings; the project's own when absent. */
  config?: string;
  /** List every warning instead of counting them by kind. */
  verbose?: boolean;
  /** No progress line and no summary; errors and warnings are still printed. */
  quiet?: boolean;
  /** Compile every file, neither reading nor keeping the build cache (`<assets>.cache`). */
  noCache?: boolean;
  /** Worker threads that compile articles beside the build's own; 0: its own alone. By default one a core less one, none for a small build. */
  threads?: number;
}

export const DEFAULT_BUILD: BuildOptions = {
  seeds: resolve(root, process.env.CONTENT_SEEDS ?? 'seeds'),
  assets: join(root, 'dist/assets'),
  verbose: ['1', 'true', 'yes'].includes(process.env.CONTENT_VERBOSE?.toLowerCase() ?? ''),
};

/**
 * The site's settings, from the one place they live (wrangler.toml's [vars]), checked by
 * the schema the Worker reads them with: every setting, not only the build's, so that a
 * bad value fails the build, and with it `wrangler deploy`, instead of a request.
 */
export const readSiteSettings = async (wranglerToml?: string): Promise<SiteConfig> =>
  parseSiteConfig((await readWranglerConfig(wranglerToml)).vars);

/**
 * Workers Static Assets' _headers file (https://developers.cloudflare.com/workers/static-assets/headers/):
 * pictures are served by the assets layer without the Worker, so their
 * caching and security headers are set here, from the same constants.
 */
export const assetHeaders = (): string =>
  [
    `${IMAGES_PREFIX}*`,
    `  Cache-Control: ${IMMUTABLE_CACHE_CONTROL}`,
    ...SECURITY_HEADERS.map(([name, value]) => `  ${name}: ${value}`),
    '',
  ].join('\n');

export interface BuildResult {
  articles: number;
  warnings: number;
  errors: number;
  version?: string;
}

export const buildContent = async (options: BuildOptions = DEFAULT_BUILD): Promise<BuildResult> => {
  const started = performance.now();
  const settings = await readSiteSettings(options.config);
  const progress = createProgress(options.quiet ? undefined : process.stderr);
  // Read once, and only to list what is scheduled: what the build writes never depends on it.
  const now = Date.now();
  const { errors, warnings, output, scheduled } = await compileAndWrite(options, settings, progress, now).finally(() =>
    progress.done(),
  );

  const { lines, summary } = formatBuildReport({
    errors,
    warnings,
    ...(output ? { output } : {}),
    elapsedMs: performance.now() - started,
    verbose: options.verbose ?? false,
  });
  // What is scheduled: it reads the clock, so it is only printed; the output never depends on it.
  if (output && !options.quiet) lines.push(...scheduledLines(scheduled, now));
  if (!options.quiet || !output) lines.push(summary);
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  return {
    articles: output?.articles ?? 0,
    warnings: warnings.length,
    errors: errors.length,
    ...(output ? { version: output.version } : {}),
  };
};

/** The seeds folder's files, one at a time, in the order the directory lists them. */
function* seedNames(dir: string): Generator<string> {
  // Read synchronously, a thousand entries a call: an awaited entry cost a promise each, twice a build.
  let listing: Dir;
  try {
    listing = opendirSync(dir, { bufferSize: 1024 });
  } catch (error) {
    // Node's message names no path.
    throw new Error(`cannot read the seeds folder ${dir}: ${(error as Error).message}`, { cause: error });
  }
  try {
    for (let entry = listing.readSync(); entry; entry = listing.readSync())
      if (entry.isFile() && !entry.name.startsWith('.')) yield entry.name;
  } finally {
    listing.closeSync();
  }
}

/**
 * Reads seeds/ one file at a time, in whatever order the directory lists
 * them (the store is sorted by publication and issues by file, so the output
 * never depends on it), and hands each article to the store writer; then
 * writes the store into a fresh sibling folder and swaps it in, so that a
 * failed build never leaves half an output.
 */
const compileAndWrite = async (options: BuildOptions, settings: ContentSettings, progress: Progress, now: number) => {
  const errors: ContentIssue[] = [];
  const warnings: ContentWarning[] = [];
  // Only articles dated after now are kept, newest first, as scheduledLines reads them (titles as written).
  const scheduled: ArticleMeta[] = [];
  // Which articles and sidecars exist, by a hash of their names, filled by the first pass below: the
  // names are not kept, and the second pass asks the file system nothing.
  const present = new NameSet();
  const exists = (name: string) => present.has(name);
  const cache = options.noCache
    ? undefined
    : await BuildCache.open(`${options.assets}.cache`, compilerFingerprint(settings), exists);
  // The identities of the files the cache knows, asked on a thread of their own where threads are worth
  // it: started before the seeds are listed, so that it is ready when the first is asked (a quarter of a
  // second of waiting at 100,000 articles).
  const stats =
    cache?.reusable && (options.threads ?? compileThreads(cache.known)) > 0 ? new SeedStats(options.seeds) : undefined;
  // Async only so that what it throws comes to the .catch() below.
  const prepare = async () => {
    // A first pass counts, for the progress line.
    let files = 0;
    for (const name of seedNames(options.seeds)) {
      files++;
      if (isArticleFile(name) || isSidecarFile(name)) present.add(name);
    }
    present.seal();
    progress.update({ files });
    const staging = `${options.assets}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    return { files, staging, writer: new StoreWriter(`${options.assets}.spill-${process.pid}`) };
  };
  // A failure leaves the cache as it was, and no thread to keep the process alive.
  const { files, staging, writer } = await prepare().catch(async (error: unknown) => {
    await Promise.all([stats?.close(), cache?.discard()]);
    throw error;
  });

  // Pictures: each read when an article shows it (its size and type kept, not its bytes), and written
  // among the assets under its content-addressed name once, when a published article shows it.
  const readPicture = pictureReader(options.seeds);
  const usedPictures = new Set<string>();
  const pictureFiles: string[] = [];
  const published = new Set<string>();
  let pictureBytes = 0;
  const publishPictures = (names: readonly string[]) => {
    for (const name of names) {
      usedPictures.add(name);
      const { image, bytes } = readPicture(name);
      if (published.has(image.src)) continue;
      published.add(image.src);
      mkdirSync(join(staging, IMAGES_PREFIX), { recursive: true });
      writeFileSync(join(staging, image.src), bytes);
      pictureBytes += bytes.byteLength;
    }
  };
  const noteScheduled = (meta: ArticleMeta, title: () => string) => {
    if (Date.parse(meta.published) > now) scheduled.push({ ...meta, title: title() });
  };

  let [drafts, read, compiled] = [0, 0, 0];

  /** An unchanged article, as the cache has it: its segments and warnings as they were. */
  const takeFromCache = (name: string, source: SourceIdentity, hit: CachedArticle) => {
    warnings.push(...hit.warnings);
    for (const { name: picture } of hit.pictures) usedPictures.add(picture);
    if (hit.draft) {
      drafts++;
      cache!.record(name, source, { draft: true }, hit.warnings, hit.pictures);
      return;
    }
    publishPictures(hit.pictures.map((picture) => picture.name));
    const keys = hit.keys!;
    if (cache!.compacting) {
      // Every cached article copied into this build's spill, so that the cache keeps one file again.
      const { meta, body } = cache!.segments(hit);
      const added = writer.addCompressed(keys, name, hit.explicitSlug, hit.shortened, meta, body);
      const outcome = {
        added,
        spilled: writer.spillLocation(added),
        keys,
        explicitSlug: hit.explicitSlug,
        shortened: hit.shortened,
      };
      cache!.record(name, source, outcome, hit.warnings, hit.pictures);
    } else {
      // Its segments stay where they are, read once, to write its pack.
      const stored = cache!.stored(hit);
      const added = writer.addStored(keys, name, hit.explicitSlug, hit.shortened, stored, cache!.previousPosition(hit));
      cache!.record(name, source, { added, kept: hit }, hit.warnings, hit.pictures);
    }
    if (Date.parse(keys.published) > now) {
      const { meta, body } = cache!.segments(hit);
      noteScheduled(decompressSegment<ArticleMeta>(meta), () => decompressSegment<ArticleBody>(body).title);
    }
  };

  /** A freshly compiled article, into the store and the cache. */
  const takeCompiled = (name: string, seed: CompiledSeed) => {
    const { source } = seed;
    for (const picture of seed.read) usedPictures.add(picture);
    warnings.push(...seed.warnings);
    if (seed.kind === 'error') {
      errors.push(seed.issue);
      return;
    }
    const used = seed.pictures.map((picture) => pictureIdentity(options.seeds, picture));
    if (seed.kind === 'draft') {
      drafts++;
      cache?.record(name, source, { draft: true }, seed.warnings, used);
      return;
    }
    // One too large for a feed item came back shortened to its summary and a link (compile-seed.ts), whose slug
    // may yet change when slug clashes are resolved (see StoreWriter).
    const { keys, explicitSlug, shortened } = seed;
    const added = writer.addCompressed(keys, name, explicitSlug, shortened, seed.meta, seed.body);
    publishPictures(seed.pictures);
    const spilled = writer.spillLocation(added);
    cache?.record(name, source, { added, spilled, keys, explicitSlug, shortened }, seed.warnings, used);
    if (seed.scheduled) scheduled.push(seed.scheduled);
  };

  // Each file is a step, run in the order the seeds are read; an article to compile is sent to the
  // pool at once, and its step waits for it, up to WINDOW steps behind the reading.
  const threads = options.threads ?? compileThreads(files);
  const pool = new CompilePool({ seeds: options.seeds, settings, now }, threads);
  const WINDOW = 1024;
  /**
   * A step runs when every step before it has: at once if what it waits for is there (`ready`), else once
   * WINDOW steps wait behind it. An article compiled on this thread is taken into the store by the next
   * file's turn that way (its promise settles a microtask later), not a window later. `asked` says whether
   * what it waits for is asked for yet.
   */
  type Step = { run: () => void | Promise<void>; ready?: () => boolean; asked?: () => boolean };
  const steps: Step[] = [];
  const runSteps = async (keep: number) => {
    while (steps.length > keep || (steps.length > 0 && steps[0]!.ready?.() !== false)) {
      const step = steps.shift()!;
      if (step.asked?.() === false) stats?.flush();
      await step.run();
    }
  };
  /** Whether a promise has settled, asked without waiting. */
  const settled = (promise: Promise<unknown>): (() => boolean) => {
    let done = false;
    const settle = () => {
      done = true;
    };
    promise.then(settle, settle);
    return () => done;
  };
  const compile = (name: string, sidecar: string | undefined): Step => {
    const seed = pool.compile({ name, ...(sidecar ? { sidecar } : {}) });
    // Awaited in its turn; a failure then fails the build, and is not reported twice before that.
    seed.catch(() => undefined);
    return { run: async () => takeCompiled(name, await seed), ready: settled(seed) };
  };
  /** An article the cache knows: taken from it if unchanged, else compiled (in its turn: a publication changes few). */
  const fromCache = (name: string, sidecar: string | undefined, source: SourceIdentity) => {
    const hit = cache!.lookup(name, source, (picture) => pictureIdentity(options.seeds, picture));
    return hit ? takeFromCache(name, source, hit) : compile(name, sidecar).run();
  };
  const stepFor = (name: string): Step => {
    if (isArticleFile(name)) {
      const sidecar = sidecarNames(name).find(exists);
      progress.update({ articlesCompiled: ++compiled });
      // Only what the cache knows is asked about: a new file's identity comes with its compile, from the read.
      if (!cache?.knows(name)) return compile(name, sidecar);
      if (!stats) return { run: () => fromCache(name, sidecar, sourceIdentity(options.seeds, name, sidecar)) };
      const { identity, sent } = stats.identify(name, sidecar);
      return { run: async () => fromCache(name, sidecar, await identity), ready: settled(identity), asked: sent };
    }
    if (isSidecarFile(name)) {
      return {
        run: () => {
          // A sidecar belongs to the .txt of its name, and .yaml wins over .yml.
          const owner = `${name.replace(/\.ya?ml$/, '')}.txt`;
          const chosen = sidecarNames(owner).find(exists);
          if (!exists(owner) || chosen !== name) errors.push(sidecarError(name));
        },
      };
    }
    if (isPictureFile(name)) return { run: () => void pictureFiles.push(name) };
    return { run: () => void warnings.push(ignoredWarning(name)) };
  };
  try {
    for (const name of seedNames(options.seeds)) {
      progress.update({ filesRead: read++ });
      steps.push(stepFor(name));
      await runSteps(WINDOW);
      await pool.listen();
    }
    await runSteps(0);
  } finally {
    await Promise.all([pool.close(), stats?.close()]);
  }
  for (const name of pictureFiles) if (!usedPictures.has(name)) warnings.push(unusedPictureWarning(name));
  progress.update({ filesRead: read });
  if (errors.length === 0) progress.update({ articles: writer.count });

  const written = writer.finish(
    staging,
    { errors, warnings },
    (articlesWritten) => progress.update({ articlesWritten }),
    cache?.nextSpill,
    // Packs that come out the same are linked from the store in place, before it is replaced.
    cache?.previousStore(options.assets),
  );
  if (written) await cache?.save(written);
  else await cache?.discard();
  rmSync(`${options.assets}.spill-${process.pid}`, { recursive: true, force: true });
  sortIssues(warnings);
  sortIssues(errors);
  if (!written) {
    rmSync(staging, { recursive: true, force: true });
    return { errors, warnings, scheduled };
  }
  const headers = assetHeaders();
  writeFileSync(join(staging, '_headers'), headers);
  rmSync(options.assets, { recursive: true, force: true });
  renameSync(staging, options.assets);
  const output: BuildOutput = {
    articles: written.count,
    drafts,
    // The store, the pictures and _headers.
    files: written.files + published.size + 1,
    bytes: written.bytes + pictureBytes + Buffer.byteLength(headers),
    version: written.version,
  };
  scheduled.sort((a, b) => Date.parse(b.published) - Date.parse(a.published) || compare(b.id, a.id));
  return { errors, warnings, output, scheduled };
};
