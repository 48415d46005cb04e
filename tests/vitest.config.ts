import { resolve } from 'node:path';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  test: {
    projects: [
      {
        // Pure functions (parsing, compiling, rendering) and the built bundle, in Node.
        test: { name: 'unit', root, include: ['tests/unit/**/*.test.ts', 'tests/bundle/**/*.test.ts'], environment: 'node' },
      },
      {
        // The Worker itself, inside workerd.
        plugins: [cloudflareTest({ wrangler: { configPath: resolve(root, 'wrangler.toml') } })],
        test: { name: 'worker', root, include: ['tests/worker/**/*.test.ts'] },
      },
    ],
  },
});
