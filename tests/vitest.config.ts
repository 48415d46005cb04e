import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

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

export default defineConfig({
  root,
  test: {
    projects: [
      {
        // Pure functions (parsing, compiling, rendering) and the built bundle, in Node.
        test: {
          name: 'unit',
          root,
          include: ['tests/unit/**/*.test.ts', 'tests/bundle/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The Worker itself, inside workerd.
        plugins: [
          feedWithoutMissingSourceMap,
          cloudflareTest({ wrangler: { configPath: resolve(root, 'wrangler.toml') } }),
        ],
        test: { name: 'worker', root, include: ['tests/worker/**/*.test.ts'] },
      },
    ],
  },
});
