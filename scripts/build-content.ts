/**
 * The content build: compiles seeds/ into the index module the Worker imports
 * and one static asset per article body. Fails, writing nothing, on any error.
 *
 *   node scripts/build-content.ts [--seeds DIR] [--index FILE] [--assets DIR] [--quiet]
 *
 * CONTENT_SEEDS sets the seeds folder from the environment, which wrangler
 * passes to its [build] command: the bench and tests build other corpora that way.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileArticles, type SourceFile } from '../src/content/compile-articles.ts';
import { type ContentIndex, type ContentSettings, formatIssue } from '../src/content/types.ts';
import { isValidTimeZone } from '../src/content/zoned-date.ts';
import { newestUpdate } from '../src/site/newest-update.ts';
import { paths } from '../src/site/paths.ts';
import { readWranglerConfig, projectRoot as root } from './wrangler-config.ts';

export interface BuildOptions {
  seeds: string;
  index: string;
  assets: string;
  quiet?: boolean;
}

export const DEFAULT_BUILD: BuildOptions = {
  seeds: resolve(root, process.env.CONTENT_SEEDS ?? 'seeds'),
  index: join(root, 'src/generated/content-index.txt'),
  assets: join(root, 'dist/assets'),
};

/** The content settings, from the one place the site's settings live: wrangler.toml's [vars]. */
export const readContentSettings = async (): Promise<ContentSettings> => {
  const { vars } = await readWranglerConfig();
  const string = (name: string): string => {
    const value = vars[name];
    if (typeof value !== 'string' || value.trim() === '')
      throw new Error(`wrangler.toml: [vars] ${name} must be a non-empty string`);
    return value;
  };
  const timeZone = string('SITE_TIME_ZONE');
  if (!isValidTimeZone(timeZone))
    throw new Error(`wrangler.toml: [vars] SITE_TIME_ZONE "${timeZone}" is not an IANA time zone`);
  const markers = vars.CONTENT_FOOTER_MARKERS ?? [];
  if (!Array.isArray(markers) || !markers.every((m) => typeof m === 'string' && m.trim() !== '')) {
    throw new Error('wrangler.toml: [vars] CONTENT_FOOTER_MARKERS must be a list of non-empty strings');
  }
  return { language: string('SITE_LANGUAGE'), timeZone, footerMarkers: markers };
};

// One file at a time: opening 20,000 at once exhausts file descriptors, and small reads are fast anyway.
const readSeeds = async (dir: string): Promise<SourceFile[]> => {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name);
  return names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
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

export interface BuildResult {
  articles: number;
  warnings: number;
  errors: number;
  version?: string;
}

export const buildContent = async (options: BuildOptions = DEFAULT_BUILD): Promise<BuildResult> => {
  const started = performance.now();
  const log = (line: string) => options.quiet || console.log(line);
  const settings = await readContentSettings();
  const files = await readSeeds(options.seeds);
  const result = compileArticles(files, settings);

  for (const warning of result.warnings) console.warn(`warning: ${formatIssue(warning)}`);
  for (const error of result.errors) console.error(`error: ${formatIssue(error)}`);
  if (result.errors.length > 0) {
    console.error(`content: ${result.errors.length} error(s); nothing was written`);
    return { articles: 0, warnings: result.warnings.length, errors: result.errors.length };
  }
  if (result.articles.length === 0) console.warn('warning: no articles to publish');

  const bodies = result.bodies.map((body) => [paths.articleBody(body.id), JSON.stringify(body)] as const);
  const hash = createHash('sha256').update(JSON.stringify(result.articles)).update(JSON.stringify(result.tags));
  for (const [, json] of bodies) hash.update(json);
  const index: ContentIndex = {
    version: hash.digest('hex').slice(0, 16),
    articles: result.articles,
    tags: result.tags,
  };
  const updated = newestUpdate(result.articles);
  if (updated) index.updated = updated;

  await replaceDir(options.assets, async (tmp) => {
    for (const [path, json] of bodies) {
      const file = join(tmp, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, json);
    }
  });
  await mkdir(dirname(options.index), { recursive: true });
  // Plain JSON in a .txt file, which wrangler uploads as a Text module: the
  // Worker gets it as a string without V8 parsing 10 MB of JavaScript first.
  await writeFile(options.index, JSON.stringify(index));

  const ms = Math.round(performance.now() - started);
  log(
    `content: ${index.articles.length} articles, ${result.warnings.length} warnings` +
      `${result.drafts ? `, ${result.drafts} drafts left out` : ''} (${ms} ms, version ${index.version})`,
  );
  return { articles: index.articles.length, warnings: result.warnings.length, errors: 0, version: index.version };
};

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string' },
      index: { type: 'string' },
      assets: { type: 'string' },
      quiet: { type: 'boolean' },
    },
  });
  const options: BuildOptions = {
    seeds: values.seeds ? resolve(values.seeds) : DEFAULT_BUILD.seeds,
    index: values.index ? resolve(values.index) : DEFAULT_BUILD.index,
    assets: values.assets ? resolve(values.assets) : DEFAULT_BUILD.assets,
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
