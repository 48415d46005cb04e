/**
 * The benchmark's report, from bench-results/bench.json alone: tables on the
 * console, the headline table in Markdown (as README.md shows it) and the
 * chart, bench-results/bench.svg. Run on its own, it redraws without rerunning.
 *
 *   npm run bench:report
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BENCH_JSON, BENCH_SVG, type BenchResult, median, type SizeResult } from './bench-result.ts';

const fixed = (x: number, digits: number) => String(Number(x.toFixed(digits)));
const signed = (x: number, digits: number) => `${x < 0 ? '−' : '+'}${fixed(Math.abs(x), digits)}`;
const thousands = (x: number) => x.toLocaleString('en-US');

/** A route's first render once the code is warm, over the constant Worker's answer; undefined where not measured. */
const warmOverConstant = (size: SizeResult, route: string): number | undefined => {
  const r = size.routes[route];
  return r && r.warmFirstMs !== null ? Math.max(0, r.warmFirstMs - r.constantMs) : undefined;
};

/** An aligned Markdown table, as Prettier would lay it out. */
const markdownTable = (header: string[], rows: string[][]): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};

/** The headline table of README.md: one row per size. */
export const headlineTable = (results: BenchResult): string => {
  const formats = Object.keys(results[0]?.feedRenderCpuMs ?? {});
  return markdownTable(
    [
      'N',
      'build',
      'build peak memory',
      'upload (gzip)',
      'assets (largest)',
      'startup over constant Worker',
      `feed page render CPU: ${formats.join(' / ')}`,
      'warm first render over constant: home / article / RSS page',
      'repeat over constant (median of routes)',
      'requests/s vs constant (median, min)',
    ],
    results.map((r) => {
      const routes = Object.values(r.routes);
      const ratios = routes.map((route) => route.rpsRatio);
      const warm = ['home', 'article (newest)', 'rss'].map((name) => {
        const ms = warmOverConstant(r, name);
        return ms === undefined ? '–' : fixed(ms, 1);
      });
      return [
        thousands(r.n),
        `${fixed(r.build.seconds, 2)} s`,
        r.build.peakMemoryMB === null ? '–' : `${r.build.peakMemoryMB} MB`,
        `${r.script.gzipKB} KB`,
        `${thousands(r.assets.files)} (${r.assets.largestKB} KB)`,
        `${signed(r.startup.ms - r.startup.constantMs, 0)} ms`,
        `${formats.map((f) => fixed(r.feedRenderCpuMs[f] ?? Number.NaN, 2)).join(' / ')} ms`,
        `${warm.join(' / ')} ms`,
        `${signed(median(routes.map((route) => route.repeatMs - route.constantMs)), 2)} ms`,
        `${fixed(median(ratios), 2)} (${fixed(Math.min(...ratios), 2)})`,
      ];
    }),
  );
};

const COLORS = [
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

/** Cost of a page's first render over the constant Worker (warm code), and the feeds' render CPU, against N. */
export const chart = (results: BenchResult): string => {
  const [w, h, pad] = [720, 360, 48];
  const routes = Object.keys(results[0]?.routes ?? {}).filter((name) =>
    results.some((r) => warmOverConstant(r, name) !== undefined),
  );
  const formats = Object.keys(results[0]?.feedRenderCpuMs ?? {});
  const names = [...routes, ...formats.map((f) => `${f} render CPU`)];
  const series = [
    ...routes.map((name) => results.map((r) => warmOverConstant(r, name))),
    ...formats.map((f) => results.map((r) => r.feedRenderCpuMs[f])),
  ];
  const maxY = Math.max(1, ...series.flat().filter((v) => v !== undefined));
  const x = (i: number) => pad + (i * (w - 2 * pad)) / Math.max(1, results.length - 1);
  const y = (v: number) => h - pad - (v / maxY) * (h - 2 * pad);
  // Only measured points: a route with no warm sibling at some N (one page only) has none there.
  const lines = series.map((ys, s) => {
    const color = COLORS[s % COLORS.length];
    const points = ys.flatMap((v, i) => (v === undefined ? [] : [[x(i), y(v)] as const]));
    const last = ys.findLast((v) => v !== undefined) ?? 0;
    const dots = points.map(([cx, cy]) => `<circle cx="${cx}" cy="${cy}" r="3" fill="${color}"/>`);
    return (
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map((p) => p.join(',')).join(' ')}"/>${dots.join('')}` +
      `<text x="${w - pad + 4}" y="${y(last)}" font-size="10" fill="${color}">${names[s]}</text>`
    );
  });
  const ticks = results.map(
    (r, i) => `<text x="${x(i)}" y="${h - pad + 16}" font-size="11" text-anchor="middle">${r.n}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w + 120} ${h}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${pad}" y="20" font-size="13">First render of a page, ms: wall time in workerd over a constant Worker (warm code, median), and feed render CPU in V8</text>
<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#999"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="#999"/>
<text x="${pad - 6}" y="${y(maxY)}" font-size="11" text-anchor="end">${fixed(maxY, 1)}</text><text x="${pad - 6}" y="${h - pad}" font-size="11" text-anchor="end">0</text>
${ticks.join('\n')}
${lines.join('\n')}
</svg>
`;
};

/** Prints the tables and the headline table, and draws the chart. */
export const report = async (results: BenchResult): Promise<void> => {
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
          ...Object.fromEntries(Object.entries(r.feedRenderCpuMs).map(([f, ms]) => [`${f} page CPU ms`, ms])),
        },
      ]),
    ),
  );
  for (const r of results) {
    console.log(
      `\nN=${r.n}: per route, ms of wall time in workerd (first request, warm first render, repeat median, constant Worker median); requests/s and ratio to the constant Worker`,
    );
    console.table(
      Object.fromEntries(Object.entries(r.routes).map(([name, { path: _, ...figures }]) => [name, figures])),
    );
  }
  console.log(`\nThe headline table (README.md):\n\n${headlineTable(results)}\n`);
  await writeFile(BENCH_SVG, chart(results));
  console.log(`drew ${BENCH_SVG}`);
};

if (resolve(process.argv[1] ?? '') === import.meta.filename) {
  const json = await readFile(BENCH_JSON, 'utf8').catch(() => {
    throw new Error(`no ${BENCH_JSON}: run npm run bench first`);
  });
  await report(JSON.parse(json) as BenchResult);
}
