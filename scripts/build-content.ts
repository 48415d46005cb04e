/**
 * The content build's command line (the build itself is scripts/content-build.ts):
 *
 *   node scripts/build-content.ts [--seeds DIR] [--assets DIR] [--config wrangler.toml] [--verbose] [--quiet] [--no-cache]
 *
 * wrangler passes the environment, not arguments, to its [build] command:
 * CONTENT_SEEDS sets the seeds folder (the bench and tests build other corpora
 * that way), and CONTENT_VERBOSE=1 is --verbose.
 *
 * It imports nothing of the build until it runs with the flags below: it starts
 * itself again first, and a process that only waits for another should not load
 * the compiler (half a second, and 100 MB at a million articles).
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * Memory, as V8 takes it only at start-up, so the build runs itself again with these, whoever
 * started it (npm, wrangler, the bench). A young generation of 16 MB rather than Node's default,
 * which grows to several times that: most of what the build allocates dies young, and this keeps
 * a third off its peak memory (300 → 200 MB at 10,000 articles) at no cost in time. And a heap
 * that grows by 30% over what a full collection leaves (applies to the worker threads too): by
 * default V8 let the heaps fill with garbage to several times their live size, and a build of
 * 100,000 articles peaked at 640 MB where it holds under 100 MB (now 430 MB, in the same time).
 */
const V8_FLAGS = ['--max-semi-space-size=16', '--heap-growing-percent=30'];

/**
 * Node's on-disk cache of compiled modules (https://nodejs.org/api/module.html#module-compile-cache),
 * for the build and its worker threads: loading the compiler from TypeScript sources took 0.8 s a
 * process, 0.4 s from the cache. One the caller set wins.
 */
const COMPILE_CACHE = join(tmpdir(), 'node-compile-cache');

if (!process.execArgv.some((flag) => flag.startsWith('--max-semi-space-size'))) {
  const child = spawnSync(process.execPath, [...V8_FLAGS, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { NODE_COMPILE_CACHE: COMPILE_CACHE, ...process.env },
  });
  process.exit(child.status ?? 1);
} else {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string' },
      assets: { type: 'string' },
      config: { type: 'string' },
      verbose: { type: 'boolean' },
      quiet: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
    },
  });
  const { buildContent, DEFAULT_BUILD } = await import('./content-build.ts');
  try {
    const { errors } = await buildContent({
      seeds: values.seeds ? resolve(values.seeds) : DEFAULT_BUILD.seeds,
      assets: values.assets ? resolve(values.assets) : DEFAULT_BUILD.assets,
      ...(values.config ? { config: resolve(values.config) } : {}),
      verbose: values.verbose || DEFAULT_BUILD.verbose,
      quiet: values.quiet ?? false,
      noCache: values['no-cache'] ?? false,
    });
    process.exitCode = errors > 0 ? 1 : 0;
  } catch (error) {
    console.error(`content: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
