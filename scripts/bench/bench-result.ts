/** The shape and place of bench-results/bench.json: the run writes it, the report reads it. */
import { join } from 'node:path';
import { projectRoot } from '../wrangler-config.ts';

export const BENCH_DIR = join(projectRoot, 'bench-results');
export const BENCH_JSON = join(BENCH_DIR, 'bench.json');
export const BENCH_SVG = join(BENCH_DIR, 'bench.svg');

/** One route at one size; every time is wall time in workerd, in ms. */
export interface RouteResult {
  path: string;
  /** UTF-8 bytes of the body. */
  bytes: number;
  /** First request in a fresh isolate: includes compiling the renderers. */
  firstMs: number;
  /** Median first render of other pages of the same kind, once the code is warm: what any new page costs. Null where there is no other page. */
  warmFirstMs: number | null;
  /** Median of repeats, served from the isolate's render cache. */
  repeatMs: number;
  /** Median of the same request to the constant Worker: the floor. */
  constantMs: number;
  rps: number;
  constantRps: number;
  /** rps / constantRps. */
  rpsRatio: number;
}

/** Every figure measured at one number of articles. */
export interface SizeResult {
  n: number;
  /** The content build as a child process; peak resident memory from GNU time, null where it is not installed. */
  build: { seconds: number; peakMemoryMB: number | null };
  /** Every module wrangler uploads (the bundle and the content index), raw and gzipped. */
  script: { KB: number; gzipKB: number };
  /** The article bodies in Workers Static Assets. */
  assets: { files: number; largestKB: number; totalMB: number };
  /** Miniflare start to first answer, median of 5: ours, and the constant Worker with the same modules and assets. */
  startup: { ms: number; constantMs: number };
  /** CPU of a feed page's first render per format, timed in Node's V8. */
  feedRenderCpuMs: Record<string, number>;
  /** Keyed by a route's name (home, rss, …). */
  routes: Record<string, RouteResult>;
}

/** The whole of bench.json: one entry per size, smallest first. */
export type BenchResult = SizeResult[];

/** The middle value of the samples (the mean of the two middle ones for an even count): how the run and the report summarise repeats. */
export const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
