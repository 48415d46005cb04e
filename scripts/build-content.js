/**
 * The content build's command line (the build itself is scripts/content-build.ts):
 *
 *   node scripts/build-content.js [--seeds DIR] [--assets DIR] [--config wrangler.toml] [--verbose] [--quiet] [--no-cache]
 *
 * wrangler passes the environment, not arguments, to its [build] command:
 * CONTENT_SEEDS sets the seeds folder (the bench and tests build other corpora
 * that way), and CONTENT_VERBOSE=1 is --verbose.
 *
 * This file only starts the build (scripts/build-content.ts) in a Node process
 * of its own, with the flags below, which V8 takes only at start-up. It is
 * JavaScript so that Node starts it without loading its TypeScript stripper, a
 * WebAssembly module: a launcher in TypeScript took 0.25 s more a build (a
 * build of 1,000 articles: 2.5 → 2.25 s).
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Memory. A young generation of 16 MB rather than Node's default, which grows to several times that:
 * most of what the build allocates dies young, and this keeps a third off its peak memory (300 → 200 MB
 * at 10,000 articles) at no cost in time. And a heap that grows by 30% over what a full collection leaves
 * (applies to the worker threads too): by default V8 let the heaps fill with garbage to several times
 * their live size, and a build of 100,000 articles peaked at 640 MB where it holds under 100 MB (now
 * 430 MB, in the same time). But no full collection before a heap holds 64 MB: 30% over the
 * 20 MB or so that the modules leave came every few hundred articles, and a build of 10,000 took 51 full
 * collections on its two threads, 20 with this (of 100,000: 137 and 67, where V8's background threads
 * spent 9 s marking): 10,000 articles built 6% faster, for 30 MB more (8.25 → 7.78 s in five pairs).
 */
const V8_FLAGS = ['--max-semi-space-size=16', '--heap-growing-percent=30', '--initial-old-space-size=64'];

/**
 * Node's on-disk cache of compiled modules (https://nodejs.org/api/module.html#module-compile-cache),
 * for the build and its worker threads: loading the compiler from TypeScript sources took 0.8 s a
 * process, 0.4 s from the cache. One the caller set wins.
 */
const COMPILE_CACHE = join(tmpdir(), 'node-compile-cache');

const child = spawnSync(
  process.execPath,
  [...V8_FLAGS, ...process.execArgv, join(import.meta.dirname, 'build-content.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', env: { NODE_COMPILE_CACHE: COMPILE_CACHE, ...process.env } },
);
process.exit(child.status ?? 1);
