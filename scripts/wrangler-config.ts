/** Reads wrangler.toml, the one place the site's settings live, for scripts that run outside wrangler. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';

export const projectRoot = resolve(import.meta.dirname, '..');

export interface WranglerConfig {
  name: string;
  compatibility_date: string;
  compatibility_flags: string[];
  vars: Record<string, unknown>;
  /** [assets] run_worker_first: true, or route patterns. */
  run_worker_first: boolean | string[];
  /** [alias]: module → the file (relative to the project) that replaces it in the Worker. */
  alias: Record<string, string>;
}

export const WRANGLER_TOML = join(projectRoot, 'wrangler.toml');

export const readWranglerConfig = async (path = WRANGLER_TOML): Promise<WranglerConfig> => {
  const config = parseToml(await readFile(path, 'utf8')) as Partial<WranglerConfig> & {
    assets?: { run_worker_first?: boolean | string[] };
  };
  if (!config.name || !config.compatibility_date)
    throw new Error('wrangler.toml: name and compatibility_date are required');
  return {
    name: config.name,
    compatibility_date: config.compatibility_date,
    compatibility_flags: config.compatibility_flags ?? [],
    vars: config.vars ?? {},
    run_worker_first: config.assets?.run_worker_first ?? false,
    alias: config.alias ?? {},
  };
};
