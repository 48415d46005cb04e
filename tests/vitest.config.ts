import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { readWranglerConfig } from '../scripts/wrangler-config.ts';
import { SCHEDULED_CORPUS } from './helpers/scheduled-corpus.ts';

const root = resolve(import.meta.dirname, '..');

// feed 6.0.0 names a source map it does not ship; serving the file without
// that comment spares every run a stack trace from Vite.
const feedWithoutMissingSourceMap = {
  name: 'feed-without-missing-source-map',
  async load(id: string) {
    if (!id.endsWith('/node_modules/feed/lib/feed.js')) return null;
    return (await readFile(id, 'utf8')).replace(/^\/\/# sourceMappingURL=.*$/m, '');
  },
};

/** wrangler.toml's [alias], so that the tests run the modules the Worker ships with (xml-js → compact-xml.ts). */
const resolveAsWrangler = {
  alias: Object.entries((await readWranglerConfig()).alias).map(([find, file]) => ({
    find,
    replacement: resolve(root, file),
  })),
};

export default defineConfig({
  root,
  resolve: resolveAsWrangler,
  test: {
    // A dot per test and the failures in full: a passing run fits on a screen.
    reporters: ['dot'],
    projects: [
      // Unit tests of pure functions (parsing, compiling, rendering) and of the scripts, in Node. Nothing in them
      // keeps state between files, so workers are reused: isolating each file would cost a worker start per file.
      { test: { name: 'node', root, include: ['tests/unit/**/*.test.ts'], environment: 'node', isolate: false } },
      {
        // The Worker itself, inside workerd.
        plugins: [
          feedWithoutMissingSourceMap,
          cloudflareTest({ wrangler: { configPath: resolve(root, 'wrangler.toml') } }),
        ],
        test: {
          name: 'workerd',
          root,
          include: ['tests/worker/**/*.test.ts'],
          exclude: ['tests/worker/site-under-path.test.ts'],
        },
      },
      {
        // The Worker of a site under a path: SITE_URL as for a Worker route `example.com/blog/*`.
        plugins: [
          feedWithoutMissingSourceMap,
          cloudflareTest({
            wrangler: { configPath: resolve(root, 'wrangler.toml') },
            miniflare: { bindings: { SITE_URL: 'https://example.com/blog' } },
          }),
        ],
        test: { name: 'workerd-subpath', root, include: ['tests/worker/site-under-path.test.ts'] },
      },
      // The `wrangler deploy --dry-run` bundle, run by Miniflare as production runs it. Each request crosses into
      // a workerd process, which a loaded machine slows past the default 5 s.
      {
        test: {
          name: 'bundle',
          root,
          include: ['tests/bundle/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      // The pages in Chromium, served by `wrangler dev`.
      { test: { name: 'browser', root, include: ['tests/browser/**/*.test.ts'], environment: 'node' } },
      {
        // The Worker in workerd over a corpus with scheduled articles, at instants
        // the tests set (vi.setSystemTime moves Date.now() inside the Worker too),
        // and its cron, pinging a recording hub on loopback.
        plugins: [
          feedWithoutMissingSourceMap,
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: resolve(root, 'wrangler.toml') },
            miniflare: {
              bindings: { WEBSUB_HUB: 'https://hub.test/' },
              assets: {
                directory: SCHEDULED_CORPUS.assets,
                binding: 'ASSETS',
                routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
              },
              // The only network: https://hub.test/ is the recording hub.
              outboundService: async (request: Request) => {
                const url = new URL(request.url);
                if (url.origin !== 'https://hub.test') return new Response('no network in tests', { status: 502 });
                const body = request.method === 'GET' ? undefined : await request.arrayBuffer();
                return fetch(new URL(url.pathname, inject('hubUrl')), {
                  method: request.method,
                  headers: request.headers,
                  body,
                });
              },
            },
          })),
        ],
        test: {
          name: 'workerd-scheduled',
          root,
          include: ['tests/scheduled/**/*.test.ts'],
          globalSetup: ['tests/helpers/scheduled-corpus.ts'],
        },
      },
    ],
  },
});
