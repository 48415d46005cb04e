/**
 * The benchmark: builds the site over 10, 100, 1,000 and 10,000 generated
 * articles and measures, inside workerd (Miniflare), what each costs next to a
 * Worker that returns the same bytes as constants. Prints a table, writes
 * bench-results/bench.json and bench-results/bench.svg.
 *
 *   npm run bench [-- --sizes 10,100 --seconds 2]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import type { Miniflare } from 'miniflare';
import type { ContentIndex } from '../src/content/types.ts';
import { createFeedModel } from '../src/feeds/feed-model.ts';
import { renderAtom } from '../src/feeds/render-atom.ts';
import { renderJsonFeed } from '../src/feeds/render-json-feed.ts';
import { renderRss } from '../src/feeds/render-rss.ts';
import { pageOf } from '../src/site/pagination.ts';
import { paths } from '../src/site/paths.ts';
import type { SiteConfig } from '../src/site/site-config.ts';
import { type Bundle, buildBundle, startBuiltWorker } from './built-worker.ts';
import { writeCorpus } from './generate-articles.ts';
import { projectRoot } from './wrangler-config.ts';

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
const WORK = join(tmpdir(), 'feed-publisher-bench');
const OUT = join(projectRoot, 'bench-results');
const [OURS_PORT, CONSTANT_PORT] = [8811, 8812];

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/** The content build on its own, as a child process: wall time and peak memory (from GNU time, where installed). */
const measureBuild = (seeds: string, dir: string) => {
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
  if (result.status !== 0) throw new Error(`content build failed: ${result.stderr}`);
  const rssKb = gnuTime ? Number(result.stderr.trim().split('\n').at(-1)) : NaN;
  return { seconds: round(ms / 1000), peakMemoryMB: round(rssKb / 1024, 0) };
};

const SITE: SiteConfig = {
  url: 'https://publisher.example.com',
  title: 'Лента новостей',
  description: 'Новости',
  language: 'ru',
  author: 'Редакция',
  timeZone: 'Europe/Moscow',
  pageSize: 20,
};

/**
 * CPU of a feed page's first render, timed in Node's V8 (the engine workerd
 * runs; workerd itself freezes timers during a request): parse the page's 20
 * bodies, build the model, render, encode, hash. The asset reads are I/O and left out.
 */
const renderCpuMs = async (probeDir: string) => {
  const index = JSON.parse(await readFile(join(probeDir, 'index.txt'), 'utf8')) as ContentIndex;
  const pages = Math.max(1, Math.ceil(index.articles.length / SITE.pageSize));
  const result: Record<string, number> = {};
  for (const [name, render] of [
    ['rss', renderRss],
    ['atom', renderAtom],
    ['json', renderJsonFeed],
  ] as const) {
    const samples: number[] = [];
    for (let i = 0; i <= 10; i++) {
      const page = pageOf(index.articles.length, SITE.pageSize, (i % pages) + 1)!;
      const metas = index.articles.slice(page.start, page.end);
      const texts = await Promise.all(
        metas.map((m) => readFile(join(probeDir, 'assets', paths.articleBody(m.id)), 'utf8')),
      );
      samples.push(
        await time(async () => {
          const entries = metas.map((meta, j) => ({ meta, body: JSON.parse(texts[j]!) }));
          const bytes = new TextEncoder().encode(render(createFeedModel(SITE, SITE, page, entries)));
          await crypto.subtle.digest('SHA-256', bytes);
        }),
      );
    }
    // The first sample compiles the code; the rest are what a new page costs.
    result[name] = round(median(samples.slice(1)));
  }
  return result;
};

const measureAssets = async (dir: string) => {
  const files = await readdir(join(dir, '_content/articles'));
  const sizes = await Promise.all(files.map(async (f) => (await stat(join(dir, '_content/articles', f))).size));
  return {
    files: files.length,
    largestKB: round(Math.max(...sizes) / 1024, 1),
    totalMB: round(sizes.reduce((a, b) => a + b, 0) / 1048576, 1),
  };
};

interface Captured {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A Worker that answers each route with the bytes ours gave, from constants:
 * the floor for any handler. It carries the same content index module, unread,
 * so that startup differences are only what our Worker does with it.
 */
const constantWorker = (responses: Record<string, Captured>, indexModule: string | undefined): string =>
  `${indexModule ? `import index from './${indexModule}';\nglobalThis.unread = () => index;\n` : ''}const RESPONSES = ${JSON.stringify(responses)};
const encoder = new TextEncoder();
const BODIES = Object.fromEntries(Object.entries(RESPONSES).map(([k, r]) => [k, encoder.encode(r.body)]));
export default {
  fetch(request) {
    const url = new URL(request.url);
    const key = url.pathname + url.search;
    const r = RESPONSES[key];
    if (!r) return new Response('not in bench', { status: 404 });
    return new Response(BODIES[key], { status: r.status, headers: r.headers });
  },
};
`;

const fetchBody = async (worker: Miniflare, path: string) => {
  const response = await worker.dispatchFetch(`http://localhost${path}`);
  await response.arrayBuffer();
  return response.status;
};

const startupMs = async (options: Parameters<typeof startBuiltWorker>[0]): Promise<number> => {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    let worker: Miniflare | undefined;
    samples.push(
      await time(async () => {
        worker = await startBuiltWorker(options);
        await worker.ready;
        await fetchBody(worker, '/robots.txt');
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

interface RouteResult {
  bytes: number;
  /** First request in a fresh isolate: includes compiling the renderers. */
  firstMs: number;
  /** First render of another page of the same kind, once the code is warm: what any new page costs. */
  warmFirstMs: number;
  repeatMs: number;
  constantMs: number;
  rps?: number;
  constantRps?: number;
  rpsRatio?: number;
}

/** Other pages of the same kind as a route, to render for the first time once the code is warm. */
const siblingsFor = (index: ContentIndex, path: string): string[] => {
  const pages = Math.max(1, Math.ceil(index.articles.length / 20));
  const [pathname, query] = path.split('?');
  if (pathname!.startsWith('/articles/')) {
    // Its neighbours: the next five for the newest, the previous five for the oldest.
    const at = index.articles.findIndex((a) => `/articles/${a.slug}` === pathname);
    return (at === 0 ? index.articles.slice(1, 6) : index.articles.slice(Math.max(0, at - 5), at)).map(
      (a) => `/articles/${a.slug}`,
    );
  }
  if (pathname!.startsWith('/tags/') && !pathname!.endsWith('.xml'))
    return index.tags.slice(1, 6).map((t) => `/tags/${t.slug}`);
  if (pathname!.startsWith('/tags/')) return index.tags.slice(1, 6).map((t) => `/tags/${t.slug}/rss.xml`);
  if (!['/', '/rss.xml', '/atom.xml', '/feed.json'].includes(pathname!)) return [];
  // For the last page, the pages before it; for the first, the pages after it.
  const from = query ? Math.max(2, pages - 5) : 2;
  return Array.from({ length: Math.max(0, Math.min(5, pages - from)) }, (_, i) => `${pathname}?page=${from + i}`);
};

const routesFor = (index: ContentIndex, pageSize: number): Record<string, string> => {
  const pages = Math.max(1, Math.ceil(index.articles.length / pageSize));
  const tag = [...index.tags].sort((a, b) => b.articles.length - a.articles.length)[0]!;
  return {
    home: '/',
    'article (newest)': `/articles/${index.articles[0]!.slug}`,
    'article (oldest)': `/articles/${index.articles.at(-1)!.slug}`,
    'tag page': `/tags/${tag.slug}`,
    rss: '/rss.xml',
    atom: '/atom.xml',
    'json feed': '/feed.json',
    'rss, last page': `/rss.xml?page=${pages}`,
    'tag rss': `/tags/${tag.slug}/rss.xml`,
    opml: '/feeds.opml',
    sitemap: '/sitemap.xml',
  };
};

const benchSize = async (n: number) => {
  const dir = join(WORK, String(n));
  await rm(dir, { recursive: true, force: true });
  const seeds = join(dir, 'seeds');
  await writeCorpus(seeds, n);
  process.stdout.write(`bench: N=${n}: build…`);
  const build = measureBuild(seeds, join(dir, 'probe'));
  const feedRenderCpuMs = await renderCpuMs(join(dir, 'probe'));
  const bundle: Bundle = await buildBundle(seeds, join(dir, 'project'));
  // Every module wrangler would upload: the bundle and the content index (a Text module).
  const outdir = dirname(bundle.scriptPath);
  const modules = (await readdir(outdir)).filter((f) => f.endsWith('.js') || f.endsWith('.txt'));
  const bytes = await Promise.all(modules.map(async (f) => new Uint8Array(await readFile(join(outdir, f)))));
  const scriptSize = {
    KB: round(bytes.reduce((sum, b) => sum + b.byteLength, 0) / 1024, 0),
    gzipKB: round(bytes.reduce((sum, b) => sum + gzipSync(b).byteLength, 0) / 1024, 0),
  };
  const assets = await measureAssets(bundle.assetsDir);
  const contentIndex = JSON.parse(
    await readFile(join(dir, 'project/src/generated/content-index.txt'), 'utf8'),
  ) as ContentIndex;
  const routes = routesFor(contentIndex, 20);

  process.stdout.write(' startup…');
  const ours = await startBuiltWorker({ ...bundle, port: OURS_PORT });
  const captured: Record<string, Captured> = {};
  const first: Record<string, number> = {};
  for (const path of Object.values(routes)) {
    const response = await ours.dispatchFetch(`http://localhost${path}`);
    const body = await response.text();
    captured[path] = { status: response.status, headers: Object.fromEntries(response.headers), body };
  }
  await ours.dispose();
  const constantPath = join(dir, 'constant/index.js');
  await mkdir(join(dir, 'constant'), { recursive: true });
  const indexModule = modules.find((f) => f.endsWith('.txt'));
  if (indexModule) await cp(join(outdir, indexModule), join(dir, 'constant', indexModule));
  await writeFile(constantPath, constantWorker(captured, indexModule));
  const constantOptions = { scriptPath: constantPath, assetsDir: bundle.assetsDir };
  const startup = { ms: round(await startupMs(bundle), 0), constantMs: round(await startupMs(constantOptions), 0) };

  process.stdout.write(' requests…');
  const [fresh, constant] = await Promise.all([
    startBuiltWorker({ ...bundle, port: OURS_PORT }),
    startBuiltWorker({ ...constantOptions, port: CONSTANT_PORT }),
  ]);
  await Promise.all([fresh.ready, constant.ready, fetchBody(fresh, '/robots.txt'), fetchBody(constant, '/')]);
  const perRoute: Record<string, RouteResult> = {};
  for (const [name, path] of Object.entries(routes)) {
    first[name] = await time(() => fetchBody(fresh, path));
    const siblings = siblingsFor(contentIndex, path);
    const warm: number[] = [];
    for (const sibling of siblings) warm.push(await time(() => fetchBody(fresh, sibling)));
    const repeat: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      repeat.push(await time(() => fetchBody(fresh, path)));
      floor.push(await time(() => fetchBody(constant, path)));
    }
    perRoute[name] = {
      bytes: captured[path]!.body.length,
      firstMs: round(first[name]!),
      warmFirstMs: warm.length > 0 ? round(median(warm)) : NaN,
      repeatMs: round(median(repeat)),
      constantMs: round(median(floor)),
    };
  }
  process.stdout.write(' load…');
  for (const [name, path] of Object.entries(routes)) {
    // Alternate, twice each: the machine's load drifts, and both should see the same drift.
    const oursRps = [await requestsPerSecond(OURS_PORT, path)];
    const constantRps = [await requestsPerSecond(CONSTANT_PORT, path)];
    oursRps.push(await requestsPerSecond(OURS_PORT, path));
    constantRps.push(await requestsPerSecond(CONSTANT_PORT, path));
    Object.assign(perRoute[name]!, {
      rps: round(median(oursRps), 0),
      constantRps: round(median(constantRps), 0),
      rpsRatio: round(median(oursRps) / median(constantRps)),
    });
  }
  await Promise.all([fresh.dispose(), constant.dispose()]);
  process.stdout.write(' done\n');
  await rm(dir, { recursive: true, force: true });
  return { n, build, script: scriptSize, assets, startup, feedRenderCpuMs, routes: perRoute };
};

type Result = Awaited<ReturnType<typeof benchSize>>;

/** Cost of a page's first render over the constant Worker (warm code), and the feeds' render CPU, against N. */
const chart = (results: Result[]): string => {
  const [w, h, pad] = [720, 360, 48];
  const routes = Object.keys(results[0]!.routes).filter((name) =>
    results.some((r) => !Number.isNaN(r.routes[name]!.warmFirstMs)),
  );
  const names = [...routes, ...['rss', 'atom', 'json'].map((f) => `${f} render CPU`)];
  const series = [
    ...routes.map((name) =>
      results.map((r) =>
        Number.isNaN(r.routes[name]!.warmFirstMs)
          ? undefined
          : Math.max(0, r.routes[name]!.warmFirstMs - r.routes[name]!.constantMs),
      ),
    ),
    ...(['rss', 'atom', 'json'] as const).map((f) => results.map((r) => r.feedRenderCpuMs[f])),
  ];
  const maxY = Math.max(1, ...series.flat().filter((v) => v !== undefined));
  const x = (i: number) => pad + (i * (w - 2 * pad)) / Math.max(1, results.length - 1);
  const y = (v: number) => h - pad - (v / maxY) * (h - 2 * pad);
  const colors = [
    '#b3261e',
    '#0b57d0',
    '#188038',
    '#e37400',
    '#8430ce',
    '#007b83',
    '#5f6368',
    '#d01884',
    '#1a73e8',
    '#795548',
    '#000',
  ];
  // Only measured points: a route with no warm sibling at some N (one page only) has none there.
  const lines = series.map((ys, s) => {
    const points = ys.flatMap((v, i) => (v === undefined ? [] : [`${x(i)},${y(v)}`]));
    const last = ys.findLast((v) => v !== undefined) ?? 0;
    const dots = points.map(
      (point) =>
        `<circle cx="${point.split(',')[0]}" cy="${point.split(',')[1]}" r="3" fill="${colors[s % colors.length]}"/>`,
    );
    return (
      `<polyline fill="none" stroke="${colors[s % colors.length]}" stroke-width="2" points="${points.join(' ')}"/>${dots.join('')}` +
      `<text x="${w - pad + 4}" y="${y(last)}" font-size="10" fill="${colors[s % colors.length]}">${names[s]}</text>`
    );
  });
  const ticks = results.map(
    (r, i) => `<text x="${x(i)}" y="${h - pad + 16}" font-size="11" text-anchor="middle">${r.n}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w + 120} ${h}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${pad}" y="20" font-size="13">First render of a page, ms: wall time in workerd over a constant Worker (warm code, median), and feed render CPU in V8</text>
<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#999"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="#999"/>
<text x="${pad - 6}" y="${y(maxY)}" font-size="11" text-anchor="end">${round(maxY, 1)}</text><text x="${pad - 6}" y="${h - pad}" font-size="11" text-anchor="end">0</text>
${ticks.join('\n')}
${lines.join('\n')}
</svg>
`;
};

const results: Result[] = [];
for (const n of SIZES) results.push(await benchSize(n));
await mkdir(OUT, { recursive: true });
await writeFile(join(OUT, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
await writeFile(join(OUT, 'bench.svg'), chart(results));

console.log(
  '\nPer size (startup: Miniflare start to first answer, median of 5, ours and the constant Worker with the same modules and assets; the difference is our global scope):',
);
console.table(
  Object.fromEntries(
    results.map((r) => [
      `N=${r.n}`,
      {
        'build s': r.build.seconds,
        'build MB': r.build.peakMemoryMB,
        'script KB gz': r.script.gzipKB,
        assets: r.assets.files,
        'largest asset KB': r.assets.largestKB,
        'startup ms': r.startup.ms,
        'constant ms': r.startup.constantMs,
        'rss page CPU ms': r.feedRenderCpuMs.rss,
        'atom page CPU ms': r.feedRenderCpuMs.atom,
        'json page CPU ms': r.feedRenderCpuMs.json,
      },
    ]),
  ),
);
for (const r of results) {
  console.log(
    `\nN=${r.n}: per route, ms of wall time in workerd (first request, repeat median, constant Worker median); requests/s and ratio to the constant Worker`,
  );
  console.table(r.routes);
}
console.log(`\nwrote ${join(OUT, 'bench.json')} and bench.svg`);
