/**
 * The benchmark's report, from bench-results/bench.json alone: tables on the
 * console, the headline table in Markdown (as README.md shows it) and the
 * chart, bench-results/bench.svg. Run on its own, it redraws without rerunning.
 *
 *   npm run bench:report
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BENCH_JSON, BENCH_SVG, type BenchResult, HUGO_MAX, type SizeResult } from './bench-result.ts';

const fixed = (x: number, digits: number) => String(Number(x.toFixed(digits)));
const signed = (x: number, digits: number) => `${x < 0 ? '−' : '+'}${fixed(Math.abs(x), digits)}`;
const thousands = (x: number) => x.toLocaleString('en-US');

/** An aligned Markdown table, as Prettier would lay it out. */
const markdownTable = (header: string[], rows: string[][]): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};

/** The route with the most of a figure, and the figure. */
const worst = (size: SizeResult, figure: 'cpuMs' | 'reads' | 'readKB') => {
  const [name, route] = Object.entries(size.routes).sort(([, a], [, b]) => b[figure] - a[figure])[0]!;
  return { name, value: route[figure] };
};

/** The headline table of README.md: one row per size, the targets. */
export const headlineTable = ({ sizes }: BenchResult): string =>
  markdownTable(
    [
      'N',
      'build (peak memory)',
      'one more article: rebuild, files changed',
      'Hugo',
      'assets (largest)',
      'script (gzip)',
      'startup over constant',
      'memory over constant',
      'first render, most CPU',
      'most reads',
      'most KB read',
    ],
    sizes.map((r) => {
      const [cpu, reads, kb] = [worst(r, 'cpuMs'), worst(r, 'reads'), worst(r, 'readKB')];
      return [
        thousands(r.n),
        `${fixed(r.build.seconds, 1)} s (${r.build.peakMemoryMB ?? '–'} MB)`,
        `${fixed(r.incremental.seconds, 1)} s, ${r.incremental.changedFiles}`,
        r.hugoSeconds === null ? (r.n > HUGO_MAX ? 'not run' : 'not installed') : `${fixed(r.hugoSeconds, 1)} s`,
        `${thousands(r.assets.files)} (${r.assets.largestKB} KB)`,
        `${r.script.gzipKB} KB`,
        `${signed(r.startup.ms - r.startup.constantMs, 0)} ms`,
        `${signed(r.memory.MB - r.memory.constantMB, 0)} MB`,
        `${fixed(cpu.value, 2)} ms (${cpu.name})`,
        `${reads.value} (${reads.name})`,
        `${fixed(kb.value, 0)} KB (${kb.name})`,
      ];
    }),
  );

const COLORS = ['#b3261e', '#0b57d0', '#188038', '#e37400', '#8430ce', '#007b83', '#5f6368', '#d01884', '#1a73e8'];

/** First-render CPU of each route (V8), against N: flat lines are the point. */
export const chart = ({ sizes }: BenchResult): string => {
  const [w, h, pad] = [720, 360, 48];
  const routes = Object.keys(sizes[0]?.routes ?? {});
  const series = routes.map((name) => sizes.map((r) => r.routes[name]?.cpuMs));
  const maxY = Math.max(1, ...series.flat().filter((v) => v !== undefined));
  const x = (i: number) => pad + (i * (w - 2 * pad)) / Math.max(1, sizes.length - 1);
  const y = (v: number) => h - pad - (v / maxY) * (h - 2 * pad);
  const lines = series.map((ys, s) => {
    const color = COLORS[s % COLORS.length];
    const points = ys.flatMap((v, i) => (v === undefined ? [] : [[x(i), y(v)] as const]));
    const last = ys.findLast((v) => v !== undefined) ?? 0;
    const dots = points.map(([cx, cy]) => `<circle cx="${cx}" cy="${cy}" r="3" fill="${color}"/>`);
    return (
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map((p) => p.join(',')).join(' ')}"/>${dots.join('')}` +
      `<text x="${w - pad + 4}" y="${y(last)}" font-size="10" fill="${color}">${routes[s]}</text>`
    );
  });
  const ticks = sizes.map(
    (r, i) => `<text x="${x(i)}" y="${h - pad + 16}" font-size="11" text-anchor="middle">${thousands(r.n)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w + 160} ${h}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${pad}" y="20" font-size="13">First render of each route in a fresh isolate, CPU ms in V8, against the number of articles</text>
<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#999"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="#999"/>
<text x="${pad - 6}" y="${y(maxY)}" font-size="11" text-anchor="end">${fixed(maxY, 1)}</text><text x="${pad - 6}" y="${h - pad}" font-size="11" text-anchor="end">0</text>
${ticks.join('\n')}
${lines.join('\n')}
</svg>
`;
};

/** Prints the tables and the headline table, and draws the chart. */
export const report = async (results: BenchResult, json = BENCH_JSON): Promise<void> => {
  const svg = json === BENCH_JSON ? BENCH_SVG : json.replace(/\.json$/, '.svg');
  console.log('\nPer size:');
  console.table(
    Object.fromEntries(
      results.sizes.map((r) => [
        `N=${r.n}`,
        {
          'build s': r.build.seconds,
          'build MB': r.build.peakMemoryMB,
          'rebuild +1 s': r.incremental.seconds,
          'files changed': r.incremental.changedFiles,
          'hugo s': r.hugoSeconds,
          assets: r.assets.files,
          'largest KB': r.assets.largestKB,
          packs: r.assets.packs,
          'record B': r.assets.meanRecordBytes,
          'script KB gz': r.script.gzipKB,
          'startup ms': r.startup.ms,
          'constant ms': r.startup.constantMs,
          'first request ms': r.startup.firstRequestMs,
          'constant first ms': r.startup.constantFirstRequestMs,
          'memory MB': r.memory.MB,
          'constant MB': r.memory.constantMB,
        },
      ]),
    ),
  );
  for (const r of results.sizes) {
    console.log(`\nN=${r.n}: files changed by one more article: ${r.incremental.changed.join(', ')}`);
    console.log(
      `N=${r.n}: per route: first render in a fresh isolate (CPU ms in V8, asset reads, KB read); ms of wall time in workerd (first request, warm first render, repeat median, constant Worker median); requests/s and ratio to the constant Worker`,
    );
    console.table(
      Object.fromEntries(Object.entries(r.routes).map(([name, { path: _, ...figures }]) => [name, figures])),
    );
  }
  if (results.plans.length > 0) {
    console.log('\nStores planned from generated keys alone (no bodies):');
    console.table(Object.fromEntries(results.plans.map(({ n, ...plan }) => [`N=${n}`, plan])));
  }
  console.log(`\nThe headline table (README.md):\n\n${headlineTable(results)}\n`);
  await writeFile(svg, chart(results));
  console.log(`drew ${svg}`);
};

if (resolve(process.argv[1] ?? '') === import.meta.filename) {
  // `npm run bench:report [-- bench-results/other.json]`
  const path = process.argv[2] ? resolve(process.argv[2]) : BENCH_JSON;
  const json = await readFile(path, 'utf8').catch(() => {
    throw new Error(`no ${path}: run npm run bench first`);
  });
  await report(JSON.parse(json) as BenchResult, path);
}
