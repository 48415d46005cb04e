/** Content stores written on the spot from generated articles, and read back as the Worker reads them. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCompiledArticle } from '../../scripts/generate-articles.ts';
import { StoreWriter } from '../../scripts/store-writer.ts';
import type { CompiledArticle } from '../../src/content/compile-articles.ts';

/** Writes a store of `articles` into a new temporary folder; returns it and its files by path. */
export const writeStore = async (articles: Iterable<CompiledArticle>): Promise<{ dir: string }> => {
  const dir = await mkdtemp(join(tmpdir(), 'store-'));
  const writer = new StoreWriter(join(dir, 'spill'));
  for (const article of articles) writer.add(article);
  const issues = { errors: [], warnings: [] };
  if (!writer.finish(join(dir, 'assets'), issues)) throw new Error(`store not written: ${JSON.stringify(issues)}`);
  return { dir };
};

/** Generated articles 0 … count-1 (0 is the newest), as the build compiles them. */
export function* generated(count: number, options: { fullBody?: boolean } = {}): Generator<CompiledArticle> {
  for (let i = 0; i < count; i++) yield generateCompiledArticle(i, 1, options);
}

/** Every file of a written store, by path under assets/. */
export const storeFiles = async (dir: string): Promise<Map<string, Buffer>> => {
  const root = join(dir, 'assets');
  const entries = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const files = await Promise.all(
    entries.map(
      async (e) => [join(e.parentPath, e.name).slice(root.length), await readFile(join(e.parentPath, e.name))] as const,
    ),
  );
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : 1)));
};

/**
 * A written store's files served as Workers Static Assets serve them to the
 * ASSETS binding: a whole file or a 404, whatever the host. For store logic
 * tested in Node; the Worker itself is tested against the real binding.
 */
export const assetsOf = (dir: string): Fetcher & { reads: string[] } => {
  const reads: string[] = [];
  const fetcher = {
    reads,
    fetch: async (input: RequestInfo | URL) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      reads.push(path);
      try {
        return new Response(await readFile(join(dir, 'assets', path)));
      } catch {
        return new Response('Not Found', { status: 404 });
      }
    },
    connect: () => {
      throw new Error('not a socket');
    },
  };
  return fetcher as unknown as Fetcher & { reads: string[] };
};

export const removeStore = (dir: string) => rm(dir, { recursive: true, force: true });
