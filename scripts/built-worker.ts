/** Builds the deployable bundle with wrangler and runs it in Miniflare, as production would run it. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { convertV4MiniflareOptions, type Json, Miniflare } from 'miniflare';
import { projectRoot, readWranglerConfig } from './wrangler-config.ts';

const run = promisify(execFile);

/** `wrangler deploy --dry-run`: bundles the Worker exactly as a deploy would, without an account. */
export const buildBundle = async (outdir = join(projectRoot, 'dist/worker')): Promise<string> => {
  await run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: projectRoot,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  return join(outdir, 'index.js');
};

export interface BuiltWorkerOptions {
  scriptPath: string;
  assetsDir?: string;
  /** Overrides of wrangler.toml's [vars]. */
  vars?: Record<string, string>;
}

export const startBuiltWorker = async ({ scriptPath, assetsDir, vars }: BuiltWorkerOptions): Promise<Miniflare> => {
  const config = await readWranglerConfig();
  // wrangler.toml's [vars] are TOML values, which are all JSON.
  const bindings = { ...config.vars, ...vars } as Record<string, Json>;
  return new Miniflare(
    convertV4MiniflareOptions({
      workers: [
        {
          name: config.name,
          modules: true,
          scriptPath,
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
