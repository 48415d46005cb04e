/**
 * The content build as a command, run by scripts/build-content.js, which starts it with the V8 flags
 * and the compile cache it is measured with (run on its own, it builds the same bytes, with Node's
 * defaults). Its arguments are that script's.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildContent, DEFAULT_BUILD } from './content-build.ts';

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
