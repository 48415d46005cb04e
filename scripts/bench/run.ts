/**
 * Runs the benchmark: builds the site over generated corpora of each size and
 * measures, inside workerd (Miniflare), what each costs next to the constant
 * Worker. Writes bench-results/bench.json, then prints the report and draws
 * the chart from it (report.ts). What each figure means: README.md here.
 *
 *   npm run bench [-- --sizes 10,100 --seconds 2 --repeats 30]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import type { Miniflare } from 'miniflare';
import type { ArticleBody, ContentIndex } from '../../src/content/types.ts';
import { createFeedModel } from '../../src/feeds/feed-model.ts';
import { FEED_FORMAT_IDS, FEED_FORMATS } from '../../src/feeds/formats.ts';
import { pageCount, pageOf } from '../../src/site/pagination.ts';
import { paths } from '../../src/site/paths.ts';
import { siteConfig } from '../../src/site/site-config.ts';
import { SITE } from '../../tests/helpers/site.ts';
import { type BuiltWorkerOptions, type Bundle, buildBundle, startBuiltWorker } from '../built-worker.ts';
import { freePort } from '../dev-server.ts';
import { writeCorpus } from '../generate-articles.ts';
import { projectRoot, readWranglerConfig } from '../wrangler-config.ts';
import { BENCH_DIR, BENCH_JSON, type BenchResult, median, type RouteResult, type SizeResult } from './bench-result.ts';
import { benchRoutes } from './bench-routes.ts';
import { type CapturedResponse, constantWorker } from './constant-worker.ts';
import { report } from './report.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000,10000' },
    seconds: { type: 'string', default: '2' },
    repeats: { type: 'string', default: '30' },
  },
});
const SIZES = values.sizes.split(',').map(Number);
const LOAD_SECONDS = Number(values.seconds);
const REPEATS = Number(values.repeats);
if (!SIZES.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`--sizes: whole numbers, e.g. 10,100`);
if (!(LOAD_SECONDS > 0) || !(REPEATS > 0)) throw new Error('--seconds and --repeats: positive numbers');

// The page size the built Worker uses: wrangler.toml's, read through the Worker's own settings check.
const { pageSize } = siteConfig((await readWranglerConfig()).vars as unknown as Env);

const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/** The content build on its own, as a child process: wall time and peak memory (from GNU time, where installed). */
const measureBuild = (seeds: string, dir: string): SizeResult['build'] => {
  const args = [
    'scripts/build-content.ts',
    '--quiet',
    '--seeds',
    seeds,
    '--index',
    join(dir, 'index.txt'),
    '--assets',
    join(dir, 'assets'),
  ];
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

/**
 * CPU of a feed page's first render, timed in Node's V8 (the engine workerd
 * runs; workerd itself freezes timers during a request): parse the page's
 * bodies, build the model, render, encode, hash. The asset reads are I/O and left out.
 */
const renderCpuMs = async (probeDir: string): Promise<SizeResult['feedRenderCpuMs']> => {
  const index = JSON.parse(await readFile(join(probeDir, 'index.txt'), 'utf8')) as ContentIndex;
  const site = { ...SITE, pageSize };
  const pages = pageCount(index.articles.length, pageSize);
  const result: SizeResult['feedRenderCpuMs'] = {};
  for (const format of FEED_FORMAT_IDS) {
    const { render } = FEED_FORMATS[format];
    const samples: number[] = [];
    for (let i = 0; i <= 10; i++) {
      const page = pageOf(index.articles.length, pageSize, (i % pages) + 1)!;
      const metas = index.articles.slice(page.start, page.end);
      const texts = await Promise.all(
        metas.map((m) => readFile(join(probeDir, 'assets', paths.articleBody(m.id)), 'utf8')),
      );
      samples.push(
        await time(async () => {
          const entries = metas.map((meta, j) => ({ meta, body: JSON.parse(texts[j]!) as ArticleBody }));
          const bytes = new TextEncoder().encode(render(createFeedModel(site, site, page, entries)));
          await crypto.subtle.digest('SHA-256', bytes);
        }),
      );
    }
    // The first sample compiles the code; the rest are what a new page costs.
    result[format] = round(median(samples.slice(1)));
  }
  return result;
};

const measureAssets = async (assetsDir: string): Promise<SizeResult['assets']> => {
  const dir = join(assetsDir, dirname(paths.articleBody('x')));
  const files = await readdir(dir);
  const sizes = await Promise.all(files.map(async (f) => (await stat(join(dir, f))).size));
  return {
    files: files.length,
    largestKB: round(Math.max(...sizes) / 1024, 1),
    totalMB: round(sizes.reduce((a, b) => a + b, 0) / 1048576, 1),
  };
};

/** Every module wrangler would upload: the bundle and the content index (a Text module). */
const measureScript = async (scriptPath: string): Promise<SizeResult['script']> => {
  const outdir = dirname(scriptPath);
  const modules = (await readdir(outdir)).filter((f) => f.endsWith('.js') || f.endsWith('.txt'));
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

const startupMs = async (options: BuiltWorkerOptions): Promise<number> => {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    let worker: Miniflare | undefined;
    samples.push(
      await time(async () => {
        worker = await startBuiltWorker(options);
        await worker.ready;
        await fetchBody(worker, paths.robots);
      }),
    );
    await worker?.dispose();
  }
  return median(samples);
};

const requestsPerSecond = async (port: number, path: string): Promise<number> => {
  const result = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 10, duration: LOAD_SECONDS });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`load on ${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
};

/** The constant Worker beside the bundle: the responses ours gave, and the same content index module. */
const writeConstantWorker = async (
  bundle: Bundle,
  dir: string,
  captured: Record<string, CapturedResponse>,
): Promise<BuiltWorkerOptions> => {
  const outdir = dirname(bundle.scriptPath);
  const indexModule = (await readdir(outdir)).find((f) => f.endsWith('.txt'));
  await mkdir(dir, { recursive: true });
  if (indexModule) await copyFile(join(outdir, indexModule), join(dir, indexModule));
  await writeFile(join(dir, 'index.js'), constantWorker(captured, indexModule));
  return { scriptPath: join(dir, 'index.js'), assetsDir: bundle.assetsDir };
};

const benchSize = async (n: number, work: string): Promise<SizeResult> => {
  const dir = join(work, String(n));
  const seeds = join(dir, 'seeds');
  await writeCorpus(seeds, n);
  process.stdout.write(`bench: N=${n}: build…`);
  const build = measureBuild(seeds, join(dir, 'probe'));
  const feedRenderCpuMs = await renderCpuMs(join(dir, 'probe'));
  const bundle = await buildBundle(seeds, join(dir, 'project'));
  const script = await measureScript(bundle.scriptPath);
  const assets = await measureAssets(bundle.assetsDir);
  const index = JSON.parse(
    await readFile(join(dir, 'project/src/generated/content-index.txt'), 'utf8'),
  ) as ContentIndex;
  const routes = benchRoutes(index, pageSize);

  process.stdout.write(' startup…');
  const ours = await startBuiltWorker(bundle);
  const captured: Record<string, CapturedResponse> = {};
  for (const { path } of Object.values(routes)) {
    const response = await ours.dispatchFetch(`http://localhost${path}`);
    const body = await response.text();
    captured[path] = { status: response.status, headers: Object.fromEntries(response.headers), body };
  }
  await ours.dispose();
  const constantOptions = await writeConstantWorker(bundle, join(dir, 'constant'), captured);
  const startup = { ms: round(await startupMs(bundle), 0), constantMs: round(await startupMs(constantOptions), 0) };

  process.stdout.write(' requests…');
  const [oursPort, constantPort] = [await freePort(), await freePort()];
  const [fresh, constant] = await Promise.all([
    startBuiltWorker({ ...bundle, port: oursPort }),
    startBuiltWorker({ ...constantOptions, port: constantPort }),
  ]);
  await Promise.all([fresh.ready, constant.ready, fetchBody(fresh, paths.robots), fetchBody(constant, paths.home)]);
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
    timed[name] = {
      path,
      bytes: new TextEncoder().encode(captured[path]!.body).byteLength,
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
  return { n, build, script, assets, startup, feedRenderCpuMs, routes: perRoute };
};

// A fresh folder per run, so runs from several checkouts never share one.
const work = await mkdtemp(join(tmpdir(), 'feed-publisher-bench-'));
const results: BenchResult = [];
try {
  for (const n of SIZES) results.push(await benchSize(n, work));
} finally {
  await rm(work, { recursive: true, force: true });
}
await mkdir(BENCH_DIR, { recursive: true });
await writeFile(BENCH_JSON, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${BENCH_JSON}`);
await report(results);
