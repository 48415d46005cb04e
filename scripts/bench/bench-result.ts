/** The shape and place of bench-results/bench.json: the run writes it, the report reads it. */
import { join } from 'node:path';
import { projectRoot } from '../wrangler-config.ts';

export const BENCH_DIR = join(projectRoot, 'bench-results');
export const BENCH_JSON = join(BENCH_DIR, 'bench.json');
/** Hugo holds the whole site in memory (950 MB at 10,000 articles): the bench runs it up to this size. */
export const HUGO_MAX = 100_000;
export const BENCH_SVG = join(BENCH_DIR, 'bench.svg');

/** One route at one size; every time is wall time in workerd, in ms, unless it says CPU. */
export interface RouteResult {
  path: string;
  /** UTF-8 bytes of the body. */
  bytes: number;
  /** First render in a fresh isolate with warm code: CPU in V8 (Node, median of 5), asset reads and KB read. */
  cpuMs: number;
  reads: number;
  readKB: number;
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
  /** Publishing one newer article into the built store: the rebuild, and the store files whose bytes changed. */
  incremental: { seconds: number; changedFiles: number; changed: string[] };
  /** Hugo building the same seeds (Debian's `hugo`), where it is installed. */
  hugoSeconds: number | null;
  /** Every module wrangler uploads: the bundle, raw and gzipped. */
  script: { KB: number; gzipKB: number };
  /** The content store in Workers Static Assets: its files, and its packs with the mean compressed record. */
  assets: {
    files: number;
    largestKB: number;
    totalMB: number;
    packs: number;
    largestPackKB: number;
    meanRecordBytes: number;
  };
  /**
   * In workerd, the fastest of 9 fresh Workers each: the script's import (its global scope), and then its first
   * request (robots.txt); ours, and the constant Worker's with the same modules and assets.
   */
  startup: { ms: number; constantMs: number; firstRequestMs: number; constantFirstRequestMs: number };
  /** Resident memory of workerd once every route has rendered once: ours, and the constant Worker's. */
  memory: { MB: number; constantMB: number };
  /** Keyed by a route's name (home, rss, …). */
  routes: Record<string, RouteResult>;
}

/** A store planned from generated keys alone (no bodies): how many files, the largest index file. */
export interface PlanResult {
  n: number;
  /** The mean compressed record the packs were planned with. */
  recordBytes: number;
  files: number;
  packs: number;
  largestIndexKB: number;
  seconds: number;
}

/** The whole of bench.json. */
export interface BenchResult {
  sizes: SizeResult[];
  plans: PlanResult[];
}

/** The middle value of the samples (the mean of the two middle ones for an even count): how the run and the report summarise repeats. */
export const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
