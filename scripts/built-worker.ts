/** Builds the deployable bundle with wrangler and runs it in Miniflare, as production would run it. */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { convertV4MiniflareOptions, type Json, Miniflare } from 'miniflare';
import { projectRoot, readWranglerConfig } from './wrangler-config.ts';

const run = promisify(execFile);

export interface Bundle {
  scriptPath: string;
  assetsDir: string;
}

const wranglerDryRun = async (cwd: string, outdir: string, env: Record<string, string> = {}): Promise<void> => {
  await run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
    cwd,
    env: { ...process.env, ...env, WRANGLER_SEND_METRICS: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  });
};

/**
 * `wrangler deploy --dry-run`: the content build and the bundle, exactly as a
 * deploy makes them, without an account. Over another corpus (`seeds`), it
 * works in a staging copy of the project, so dist/ here is never touched.
 */
export const buildBundle = async (seeds?: string, stagingDir?: string): Promise<Bundle> => {
  if (!seeds) {
    await wranglerDryRun(projectRoot, join(projectRoot, 'dist/worker'));
    return { scriptPath: join(projectRoot, 'dist/worker/index.js'), assetsDir: join(projectRoot, 'dist/assets') };
  }
  const dir = stagingDir ?? (await mkdtemp(join(tmpdir(), 'feed-publisher-')));
  await mkdir(dir, { recursive: true });
  for (const entry of ['src', 'scripts', 'wrangler.toml', 'package.json', 'tsconfig.json']) {
    await cp(join(projectRoot, entry), join(dir, entry), { recursive: true });
  }
  await symlink(join(projectRoot, 'node_modules'), join(dir, 'node_modules')).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await wranglerDryRun(dir, join(dir, 'worker'), { CONTENT_SEEDS: seeds });
  return { scriptPath: join(dir, 'worker/index.js'), assetsDir: join(dir, 'dist/assets') };
};

/** The path that makes a Worker started with importOnFirstRequest import its script, and answer nothing else. */
export const IMPORT_PATH = '/__import';

/**
 * A main module in front of the bundle that imports it on the first request (as `wrangler check startup`
 * does): that request's time is the script's start-up in workerd, apart from workerd's own, which swings
 * by more than a script's whole start-up on this machine.
 */
const importingEntry = (scriptPath: string) => `let worker;
export default {
  async fetch(request, env, ctx) {
    worker ??= (await import(${JSON.stringify(`./${basename(scriptPath)}`)})).default;
    if (new URL(request.url).pathname === ${JSON.stringify(IMPORT_PATH)}) return new Response('imported');
    return worker.fetch(request, env, ctx);
  },
};
`;

const bundleModules = async (scriptPath: string, importOnFirstRequest: boolean) => {
  const dir = dirname(scriptPath);
  const texts = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return [
    ...(importOnFirstRequest
      ? [{ type: 'ESModule' as const, path: join(dir, '__import-entry.mjs'), contents: importingEntry(scriptPath) }]
      : []),
    { type: 'ESModule' as const, path: scriptPath },
    ...texts.map((name) => ({ type: 'Text' as const, path: join(dir, name) })),
  ];
};

export interface BuiltWorkerOptions {
  scriptPath: string;
  assetsDir?: string;
  /** Overrides of wrangler.toml's [vars]. */
  vars?: Record<string, string>;
  /** Serve on this loopback port too (for the validator, a reader, a load test). */
  port?: number;
  /** Route the Worker's ASSETS binding through a worker that counts the reads (see assetReads). */
  countAssetReads?: boolean;
  /** Import the script on the first request, not at start (see IMPORT_PATH). */
  importOnFirstRequest?: boolean;
}

const ASSET_COUNTER = 'asset-counter';

/**
 * A worker in front of the real static-assets service: every ASSETS.fetch of
 * ours passes through it and is counted, with the bytes of its body that
 * passed (a read that stops early passes less than the file). Its own
 * /__reads answers the counts so far, and resets them.
 */
const ASSET_COUNTER_SCRIPT = `
let reads = [];
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === '/__reads') {
      const answer = Response.json(reads);
      reads = [];
      return answer;
    }
    const response = await env.ASSETS.fetch(request);
    const read = { path: url.pathname, status: response.status, bytes: 0 };
    reads.push(read);
    if (!response.body) return response;
    const counted = new TransformStream({
      transform(chunk, controller) {
        read.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counted), response);
  },
};
`;

export interface AssetRead {
  path: string;
  status: number;
  bytes: number;
}

/** The asset reads since the last call, of a Worker started with countAssetReads. */
export const assetReads = async (worker: Miniflare): Promise<AssetRead[]> => {
  const counter = await worker.getWorker(ASSET_COUNTER);
  return (await counter.fetch('http://counter.invalid/__reads')).json() as Promise<AssetRead[]>;
};

export const startBuiltWorker = async ({
  scriptPath,
  assetsDir,
  vars,
  port,
  countAssetReads = false,
  importOnFirstRequest = false,
}: BuiltWorkerOptions): Promise<Miniflare> => {
  const config = await readWranglerConfig();
  // wrangler.toml's [vars] are TOML values, which are all JSON.
  const bindings = { ...config.vars, ...vars } as Record<string, Json>;
  const assets = {
    directory: assetsDir ?? join(projectRoot, 'dist/assets'),
    binding: 'ASSETS',
    routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
  };
  return new Miniflare(
    convertV4MiniflareOptions({
      ...(port ? { host: '127.0.0.1', port } : {}),
      workers: [
        {
          name: config.name,
          // The modules as wrangler uploads them.
          modules: await bundleModules(scriptPath, importOnFirstRequest),
          modulesRoot: dirname(scriptPath),
          compatibilityDate: config.compatibility_date,
          compatibilityFlags: config.compatibility_flags,
          bindings,
          // The assets router as wrangler.toml sets it up: the Worker first, except where run_worker_first says not;
          // counting reads, a worker in front of the assets instead.
          ...(countAssetReads
            ? { serviceBindings: { ASSETS: ASSET_COUNTER } }
            : {
                assets: {
                  directory: assets.directory,
                  binding: 'ASSETS',
                  routerConfig: { has_user_worker: true },
                  run_worker_first: config.run_worker_first,
                },
              }),
        },
        ...(countAssetReads
          ? [
              {
                name: ASSET_COUNTER,
                modules: true,
                script: ASSET_COUNTER_SCRIPT,
                compatibilityDate: config.compatibility_date,
                // The counter runs first: otherwise the assets router answers a path it has without calling it.
                assets,
              },
            ]
          : []),
      ],
    }),
  );
};
