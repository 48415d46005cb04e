/** Builds the deployable bundle with wrangler and runs it in Miniflare, as production would run it. */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { convertV4MiniflareOptions, type Json, Miniflare } from 'miniflare';
import { projectRoot, readWranglerConfig } from './wrangler-config.ts';

const run = promisify(execFile);

export interface BundleOptions {
  outdir?: string;
  /** Another corpus than seeds/, and where its body assets go. */
  seeds?: string;
  assets?: string;
}

/** `wrangler deploy --dry-run`: runs the content build and bundles the Worker exactly as a deploy would, without an account. */
export const buildBundle = async ({ outdir = join(projectRoot, 'dist/worker'), seeds, assets }: BundleOptions = {}): Promise<string> => {
  const content = { ...(seeds ? { CONTENT_SEEDS: seeds } : {}), ...(assets ? { CONTENT_ASSETS: assets } : {}) };
  await run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: projectRoot,
    env: { ...process.env, ...content, WRANGLER_SEND_METRICS: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return join(outdir, 'index.js');
};

export interface BuiltWorkerOptions {
  scriptPath: string;
  assetsDir?: string;
  /** Overrides of wrangler.toml's [vars]. */
  vars?: Record<string, string>;
  /** Serve on this loopback port too (for the validator, a reader, a load test). */
  port?: number;
}

export const startBuiltWorker = async ({ scriptPath, assetsDir, vars, port }: BuiltWorkerOptions): Promise<Miniflare> => {
  const config = await readWranglerConfig();
  // wrangler.toml's [vars] are TOML values, which are all JSON.
  const bindings = { ...config.vars, ...vars } as Record<string, Json>;
  return new Miniflare(
    convertV4MiniflareOptions({
      ...(port ? { host: '127.0.0.1', port } : {}),
      workers: [
        {
          name: config.name,
          modules: true,
          scriptPath,
          // Module paths resolve from here; the default (the working directory) breaks bundles built elsewhere.
          modulesRoot: dirname(scriptPath),
          compatibilityDate: config.compatibility_date,
          bindings,
          assets: {
            directory: assetsDir ?? join(projectRoot, 'dist/assets'),
            binding: 'ASSETS',
            routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
          },
        },
      ],
    }),
  );
};
