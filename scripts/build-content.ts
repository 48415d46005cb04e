/**
 * The content build: compiles seeds/ into the index module the Worker imports
 * and one static asset per article body. Fails, writing nothing, on any error.
 *
 *   node scripts/build-content.ts [--seeds DIR] [--index FILE] [--assets DIR] [--config wrangler.toml] [--verbose] [--quiet]
 *
 * Prints its report (scripts/build-report.ts) to stdout in one write, so that
 * wrangler, which relays stdout and stderr through separate pipes, keeps its
 * order; the progress line goes to stderr, and only to a terminal.
 *
 * wrangler passes the environment, not arguments, to its [build] command:
 * CONTENT_SEEDS sets the seeds folder (the bench and tests build other corpora
 * that way), and CONTENT_VERBOSE=1 is --verbose.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileArticles, type SourceFile } from '../src/content/compile-articles.ts';
import type { ContentIndex, ContentSettings } from '../src/content/types.ts';
import { IMMUTABLE_CACHE_CONTROL } from '../src/http/cache-policy.ts';
import { SECURITY_HEADERS } from '../src/http/security-headers.ts';
import { newestUpdate } from '../src/site/newest-update.ts';
import { IMAGES_PREFIX, paths } from '../src/site/paths.ts';
import { parseSiteConfig, type SiteConfig } from '../src/site/site-config.ts';
import { createProgress, type Progress } from './build-progress.ts';
import { type BuildOutput, formatBuildReport } from './build-report.ts';
import { scheduledLines } from './list-scheduled.ts';
import { readWranglerConfig, projectRoot as root } from './wrangler-config.ts';

export interface BuildOptions {
  seeds: string;
  index: string;
  assets: string;
  /** The wrangler.toml whose [vars] hold the settings; the project's own when absent. */
  config?: string;
  /** List every warning instead of counting them by kind. */
  verbose?: boolean;
  /** No progress line and no summary; errors and warnings are still printed. */
  quiet?: boolean;
}

export const DEFAULT_BUILD: BuildOptions = {
  seeds: resolve(root, process.env.CONTENT_SEEDS ?? 'seeds'),
  index: join(root, 'src/generated/content-index.txt'),
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

// One file at a time: opening 20,000 at once exhausts file descriptors, and small reads are fast anyway.
const readSeeds = async (dir: string, progress: Progress): Promise<SourceFile[]> => {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name);
  return names.map((name, i) => {
    progress.update({ files: names.length, filesRead: i });
    return { name, bytes: new Uint8Array(readFileSync(join(dir, name))) };
  });
};

/** Writes into a fresh sibling folder, then swaps it in, so a failed build never leaves half an output. */
const replaceDir = async (dir: string, fill: (tmp: string) => Promise<void>): Promise<void> => {
  const tmp = `${dir}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  await fill(tmp);
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
};

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
  const { result, output } = await compileAndWrite(options, settings, progress).finally(() => progress.done());

  const { lines, summary } = formatBuildReport({
    errors: result.errors,
    warnings: result.warnings,
    ...(output ? { output } : {}),
    elapsedMs: performance.now() - started,
    verbose: options.verbose ?? false,
  });
  // What is scheduled: it reads the clock, so it is only printed; the output never depends on it.
  // Titles as written (the index holds them typeset for pages; each body keeps the original).
  const asWritten = result.articles.map((meta, i) => ({ ...meta, title: result.bodies[i]?.title ?? meta.title }));
  if (output && !options.quiet) lines.push(...scheduledLines(asWritten, Date.now()));
  if (!options.quiet || !output) lines.push(summary);
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  return {
    articles: output?.articles ?? 0,
    warnings: result.warnings.length,
    errors: result.errors.length,
    ...(output ? { version: output.version } : {}),
  };
};

const compileAndWrite = async (options: BuildOptions, settings: ContentSettings, progress: Progress) => {
  const files = await readSeeds(options.seeds, progress);
  progress.update({ filesRead: files.length });
  const result = compileArticles(files, settings, {
    onProgress: (articlesCompiled) => progress.update({ articlesCompiled }),
  });
  const output = result.errors.length === 0 ? await writeOutput(result, options, progress) : undefined;
  return { result, output };
};

const writeOutput = async (
  result: ReturnType<typeof compileArticles>,
  options: BuildOptions,
  progress: Progress,
): Promise<BuildOutput> => {
  const bodies = result.bodies.map((body) => [paths.articleBody(body.id), JSON.stringify(body)] as const);
  const hash = createHash('sha256').update(JSON.stringify(result.articles)).update(JSON.stringify(result.tags));
  for (const [, json] of bodies) hash.update(json);
  for (const image of result.images) hash.update(image.src);
  const index: ContentIndex = {
    version: hash.digest('hex').slice(0, 16),
    articles: result.articles,
    tags: result.tags,
  };
  const updated = newestUpdate(result.articles);
  if (updated) index.updated = updated;

  let bytes = 0;
  progress.update({ articles: bodies.length });
  await replaceDir(options.assets, async (tmp) => {
    for (const [i, [path, json]] of bodies.entries()) {
      const file = join(tmp, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, json);
      bytes += Buffer.byteLength(json);
      progress.update({ articlesWritten: i + 1 });
    }
    // Pictures by their content-addressed names: an unchanged picture keeps its URL and is not uploaded again.
    if (result.images.length > 0) await mkdir(join(tmp, IMAGES_PREFIX), { recursive: true });
    for (const image of result.images) {
      await writeFile(join(tmp, image.src), image.bytes);
      bytes += image.bytes.length;
    }
    const headers = assetHeaders();
    await writeFile(join(tmp, '_headers'), headers);
    bytes += Buffer.byteLength(headers);
  });
  await mkdir(dirname(options.index), { recursive: true });
  // Plain JSON in a .txt file, which wrangler uploads as a Text module: the
  // Worker gets it as a string without V8 parsing 10 MB of JavaScript first.
  const json = JSON.stringify(index);
  await writeFile(options.index, json);
  bytes += Buffer.byteLength(json);
  return {
    articles: index.articles.length,
    drafts: result.drafts,
    // Bodies, pictures, _headers and the index.
    files: bodies.length + result.images.length + 2,
    bytes,
    version: index.version,
  };
};

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string' },
      index: { type: 'string' },
      assets: { type: 'string' },
      config: { type: 'string' },
      verbose: { type: 'boolean' },
      quiet: { type: 'boolean' },
    },
  });
  const options: BuildOptions = {
    seeds: values.seeds ? resolve(values.seeds) : DEFAULT_BUILD.seeds,
    index: values.index ? resolve(values.index) : DEFAULT_BUILD.index,
    assets: values.assets ? resolve(values.assets) : DEFAULT_BUILD.assets,
    ...(values.config ? { config: resolve(values.config) } : {}),
    verbose: values.verbose || DEFAULT_BUILD.verbose,
    quiet: values.quiet ?? false,
  };
  try {
    const { errors } = await buildContent(options);
    process.exitCode = errors > 0 ? 1 : 0;
  } catch (error) {
    console.error(`content: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
