/**
 * Runs the benchmark: builds the site over generated corpora of each size and
 * measures what each costs: the build (full and after one more article), the
 * store in static assets, and, inside workerd (Miniflare), each route next to
 * the constant Worker, with each route's first render timed in V8. Writes
 * bench-results/bench.json, then prints the report (report.ts). What each
 * figure means: README.md here.
 *
 *   npm run bench [-- --sizes 10000,100000 --million --plan 1000000 --seconds 2 --repeats 30]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import type { Miniflare } from 'miniflare';
import { paths } from '../../src/site/paths.ts';
import { siteConfig } from '../../src/site/site-config.ts';
import { PACK_HEADER_BYTES, PACK_RECORD_OVERHEAD } from '../../src/site/store-layout.ts';
import { type BuiltWorkerOptions, type Bundle, buildBundle, IMPORT_PATH, startBuiltWorker } from '../built-worker.ts';
import { freePort } from '../dev-server.ts';
import { generateArticle, writeCorpus } from '../generate-articles.ts';
import { projectRoot, readWranglerConfig } from '../wrangler-config.ts';
import {
  BENCH_JSON,
  type BenchResult,
  HUGO_MAX,
  median,
  type PlanResult,
  type RouteResult,
  type SizeResult,
} from './bench-result.ts';
import { benchRoutes } from './bench-routes.ts';
import { type CapturedResponse, constantWorker } from './constant-worker.ts';
import { firstRendersApart } from './first-render.ts';
import { writeHugoSite } from './hugo-site.ts';
import { planLayout } from './plan-layout.ts';
import { readStore } from './read-store.ts';
import { report } from './report.ts';
import { workerdMemoryMB } from './workerd-memory.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    million: { type: 'boolean', default: false },
    plan: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '2' },
    repeats: { type: 'string', default: '30' },
    // Where the results go: a run of another size (a million) can keep its own file.
    out: { type: 'string', default: BENCH_JSON },
  },
});
const OUT = resolve(values.out);
const SIZES = [...values.sizes.split(',').map(Number), ...(values.million ? [1_000_000] : [])];
const PLANS = values.plan ? values.plan.split(',').map(Number) : [];
const LOAD_SECONDS = Number(values.seconds);
const REPEATS = Number(values.repeats);
if (![...SIZES, ...PLANS].every((n) => Number.isInteger(n) && n > 0))
  throw new Error('--sizes, --plan: whole numbers, e.g. 10,100');
if (!(LOAD_SECONDS > 0) || !(REPEATS > 0)) throw new Error('--seconds and --repeats: positive numbers');

// The page size the built Worker uses: wrangler.toml's, read through the Worker's own settings check.
const { vars } = await readWranglerConfig();
const { pageSize } = siteConfig(vars as unknown as Env);

const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/** The content build on its own, as a child process: wall time and peak memory (from GNU time, where installed). */
const measureBuild = (seeds: string, assets: string): SizeResult['build'] => {
  const args = ['scripts/build-content.js', '--quiet', '--seeds', seeds, '--assets', assets];
  const gnuTime = existsSync('/usr/bin/time');
  const start = performance.now();
  const result = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd: projectRoot, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: projectRoot, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`content build failed: ${result.stdout}${result.stderr}`);
  const rssKb = gnuTime ? Number(result.stderr.trim().split('\n').at(-1)) : Number.NaN;
  return { seconds: round(ms / 1000), peakMemoryMB: Number.isNaN(rssKb) ? null : round(rssKb / 1024, 0) };
};

/** Hugo over the same articles (scripts/bench/hugo-site.ts), where Debian's `hugo` is installed. */
const measureHugo = async (seeds: string, dir: string, n: number): Promise<number | null> => {
  if (n > HUGO_MAX || spawnSync('hugo', ['version']).status !== 0) return null;
  const site = join(dir, 'hugo');
  await writeHugoSite(seeds, site);
  const start = performance.now();
  const result = spawnSync('hugo', ['--quiet', '--source', site], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = round((performance.now() - start) / 1000);
  await rm(site, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`hugo failed: ${result.stderr.slice(0, 2000)}`);
  return seconds;
};

/** Each file of the store and a hash of its bytes: what a deploy compares to upload only changed files. */
const storeHashes = async (assets: string): Promise<Map<string, string>> => {
  const entries = (await readdir(assets, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return new Map(
    entries.map((e) => {
      const path = join(e.parentPath, e.name).slice(assets.length);
      return [
        path,
        createHash('sha256')
          .update(readFileSync(join(e.parentPath, e.name)))
          .digest('hex'),
      ];
    }),
  );
};

const measureAssets = async (assets: string, count: number): Promise<SizeResult['assets']> => {
  const entries = (await readdir(assets, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const files = await Promise.all(
    entries.map(async (e) => ({
      path: join(e.parentPath, e.name),
      size: (await stat(join(e.parentPath, e.name))).size,
    })),
  );
  const sizes = files.map((f) => f.size);
  const packs = files.filter((f) => f.path.includes('/_content/packs/')).map((f) => f.size);
  const packBytes = packs.reduce((a, b) => a + b, 0);
  return {
    files: sizes.length,
    largestKB: round(Math.max(...sizes) / 1024, 1),
    totalMB: round(sizes.reduce((a, b) => a + b, 0) / 1048576, 1),
    packs: packs.length,
    largestPackKB: round(Math.max(...packs) / 1024, 1),
    // A record's two compressed segments, without the pack's header (12 bytes, and 24 a record).
    meanRecordBytes: round((packBytes - packs.length * PACK_HEADER_BYTES) / count - PACK_RECORD_OVERHEAD, 0),
  };
};

/** Every module wrangler would upload: the bundle alone, since the content lives in static assets. */
const measureScript = async (scriptPath: string): Promise<SizeResult['script']> => {
  const outdir = dirname(scriptPath);
  const modules = (await readdir(outdir)).filter((f) => f.endsWith('.js'));
  const bytes = await Promise.all(modules.map(async (f) => new Uint8Array(await readFile(join(outdir, f)))));
  return {
    KB: round(bytes.reduce((sum, b) => sum + b.byteLength, 0) / 1024, 0),
    gzipKB: round(bytes.reduce((sum, b) => sum + gzipSync(b).byteLength, 0) / 1024, 0),
  };
};

const fetchBody = async (worker: Miniflare, path: string) => {
  const response = await worker.dispatchFetch(`http://localhost${path}`);
  await response.arrayBuffer();
  return response.status;
};

/** How many fresh Workers of each start-up is timed over: ours and the constant one in turn, so that both see the same drift. */
const STARTS = 9;

/**
 * Start-up in workerd: the script's import (its global scope, as Cloudflare's start-up limit counts it) and then
 * its first request (robots.txt: the app and its routes, set up on first use), each timed as one request to a
 * Worker that imports its script on the first one. The fastest of STARTS fresh Workers of ours and of the
 * constant's, as first renders are timed: the work is the same each time, and the machine's noise only adds
 * (three batches of nine, ours against an empty Worker: 15–19 ms apart this way, 18–25 ms by their medians).
 */
const measureStartup = async (
  ours: BuiltWorkerOptions,
  constant: BuiltWorkerOptions,
): Promise<SizeResult['startup']> => {
  interface Start {
    importMs: number;
    firstRequestMs: number;
  }
  const once = async (options: BuiltWorkerOptions): Promise<Start> => {
    const worker = await startBuiltWorker({ ...options, importOnFirstRequest: true });
    try {
      await worker.ready;
      const importMs = await time(() => fetchBody(worker, IMPORT_PATH));
      return { importMs, firstRequestMs: await time(() => fetchBody(worker, paths.robots)) };
    } finally {
      await worker.dispose();
    }
  };
  const oursRuns: Start[] = [];
  const constantRuns: Start[] = [];
  for (let i = 0; i < STARTS; i++) {
    oursRuns.push(await once(ours));
    constantRuns.push(await once(constant));
  }
  const fastest = (runs: Start[], key: keyof Start) => round(Math.min(...runs.map((run) => run[key])), 1);
  return {
    ms: fastest(oursRuns, 'importMs'),
    constantMs: fastest(constantRuns, 'importMs'),
    firstRequestMs: fastest(oursRuns, 'firstRequestMs'),
    constantFirstRequestMs: fastest(constantRuns, 'firstRequestMs'),
  };
};

/** workerd's resident memory once every route has rendered once. */
const memoryAfter = async (options: BuiltWorkerOptions, routes: readonly string[]): Promise<number> => {
  const worker = await startBuiltWorker(options);
  try {
    for (const path of routes) await fetchBody(worker, path);
    return workerdMemoryMB();
  } finally {
    await worker.dispose();
  }
};

const requestsPerSecond = async (port: number, path: string): Promise<number> => {
  const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 10, duration: LOAD_SECONDS });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`load on ${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
};

/** The constant Worker beside the bundle: the responses ours gave, with the same assets. */
const writeConstantWorker = async (
  assetsDir: string,
  dir: string,
  captured: Record<string, CapturedResponse>,
): Promise<BuiltWorkerOptions> => {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.js'), constantWorker(captured));
  return { scriptPath: join(dir, 'index.js'), assetsDir };
};

const benchSize = async (n: number, bundle: Bundle, work: string): Promise<SizeResult> => {
  const dir = join(work, String(n));
  const seeds = join(dir, 'seeds');
  const assetsDir = join(dir, 'assets');
  // Articles 1…n; article 0, newer than all, is published afterwards.
  process.stdout.write(`bench: N=${n}: corpus…`);
  await writeCorpus(seeds, n, { from: 1 });
  process.stdout.write(' build…');
  const build = measureBuild(seeds, assetsDir);
  const assets = await measureAssets(assetsDir, n);
  const before = await storeHashes(assetsDir);
  const hugoSeconds = await measureHugo(seeds, dir, n);

  process.stdout.write(' incremental…');
  const newest = generateArticle(0);
  await writeFile(join(seeds, `${newest.name}.txt`), newest.text);
  await writeFile(join(seeds, `${newest.name}.yaml`), newest.yaml);
  const rebuilt = measureBuild(seeds, assetsDir);
  const after = await storeHashes(assetsDir);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p));
  const incremental = { seconds: rebuilt.seconds, changedFiles: changed.length, changed: changed.sort() };

  const routes = benchRoutes(await readStore(assetsDir), pageSize);
  const routePaths = Object.values(routes).map((route) => route.path);
  process.stdout.write(' first renders…');
  const renders = await firstRendersApart({ scriptPath: bundle.scriptPath, assetsDir, paths: routePaths, vars });
  const script = await measureScript(bundle.scriptPath);
  const options: BuiltWorkerOptions = { scriptPath: bundle.scriptPath, assetsDir };

  process.stdout.write(' startup…');
  const ours = await startBuiltWorker(options);
  const captured: Record<string, CapturedResponse> = {};
  for (const path of routePaths) {
    const response = await ours.dispatchFetch(`http://localhost${path}`);
    const body = await response.text();
    captured[path] = { status: response.status, headers: Object.fromEntries(response.headers), body };
  }
  await ours.dispose();
  const constantOptions = await writeConstantWorker(assetsDir, join(dir, 'constant'), captured);
  const startup = await measureStartup(options, constantOptions);
  const memory = {
    MB: await memoryAfter(options, routePaths),
    constantMB: await memoryAfter(constantOptions, routePaths),
  };

  process.stdout.write(' requests…');
  const [oursPort, constantPort] = [await freePort(), await freePort()];
  const [fresh, constant] = await Promise.all([
    startBuiltWorker({ ...options, port: oursPort }),
    startBuiltWorker({ ...constantOptions, port: constantPort }),
  ]);
  await Promise.all([fresh.ready, constant.ready, fetchBody(fresh, paths.robots), fetchBody(constant, routePaths[0]!)]);
  const timed: Record<string, Omit<RouteResult, 'rps' | 'constantRps' | 'rpsRatio'>> = {};
  for (const [name, { path, siblings }] of Object.entries(routes)) {
    const firstMs = await time(() => fetchBody(fresh, path));
    const warm: number[] = [];
    for (const sibling of siblings) warm.push(await time(() => fetchBody(fresh, sibling)));
    const repeat: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      repeat.push(await time(() => fetchBody(fresh, path)));
      floor.push(await time(() => fetchBody(constant, path)));
    }
    const render = renders[path]!;
    timed[name] = {
      path,
      bytes: new TextEncoder().encode(captured[path]!.body).byteLength,
      cpuMs: render.cpuMs,
      reads: render.reads,
      readKB: render.readKB,
      firstMs: round(firstMs),
      warmFirstMs: warm.length > 0 ? round(median(warm)) : null,
      repeatMs: round(median(repeat)),
      constantMs: round(median(floor)),
    };
  }

  process.stdout.write(' load…');
  const perRoute: Record<string, RouteResult> = {};
  for (const [name, { path }] of Object.entries(routes)) {
    // Alternate, twice each: the machine's load drifts, and both should see the same drift.
    const oursRps = [await requestsPerSecond(oursPort, path)];
    const constantRps = [await requestsPerSecond(constantPort, path)];
    oursRps.push(await requestsPerSecond(oursPort, path));
    constantRps.push(await requestsPerSecond(constantPort, path));
    perRoute[name] = {
      ...timed[name]!,
      rps: round(median(oursRps), 0),
      constantRps: round(median(constantRps), 0),
      rpsRatio: round(median(oursRps) / median(constantRps)),
    };
  }
  await Promise.all([fresh.dispose(), constant.dispose()]);
  process.stdout.write(' done\n');
  await rm(dir, { recursive: true, force: true });
  return { n, build, incremental, hugoSeconds, script, assets, startup, memory, routes: perRoute };
};

async function writeResults(results: BenchResult): Promise<void> {
  await mkdir(dirname(OUT), { recursive: true });
  await writeFile(OUT, `${JSON.stringify(results, null, 2)}\n`);
}

// A fresh folder per run, so runs from several checkouts never share one.
const work = await mkdtemp(join(tmpdir(), 'feed-publisher-bench-'));
const results: BenchResult = { sizes: [], plans: [] };
try {
  // The bundle holds no content: one build serves the store of every size.
  const bundle = await buildBundle(join(projectRoot, 'seeds'), join(work, 'project'));
  for (const n of SIZES) {
    results.sizes.push(await benchSize(n, bundle, work));
    // Written after each size, so that a long run that fails later keeps what it measured.
    await writeResults(results);
  }
  for (const n of PLANS) {
    process.stdout.write(`bench: planning ${n} articles…`);
    // Packs are planned on the mean record the largest build measured (or the generated corpus's, 2.1 KB).
    const plan: PlanResult = planLayout(n, results.sizes.at(-1)?.assets.meanRecordBytes ?? 2150);
    results.plans.push(plan);
    process.stdout.write(` ${plan.seconds} s\n`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
await writeResults(results);
console.log(`wrote ${OUT}`);
await report(results, OUT);
