/**
 * A route's first render, as an isolate that has not read anything yet pays
 * for it: CPU timed in Node's V8 (the engine workerd runs; workerd itself
 * freezes timers during a request), asset reads and bytes read counted at the
 * ASSETS binding. The bundle `wrangler deploy` uploads runs, over the store's
 * files held in memory, so that the time is the code's, not the disk's.
 * `firstRendersApart` runs it in a process of its own.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface FirstRender {
  status: number;
  /**
   * Time of the render, ms, with every file already in memory, so no I/O: the fastest of the
   * repeats, since a machine's noise (other processes, a garbage collection) only ever adds.
   */
  cpuMs: number;
  reads: number;
  readKB: number;
}

/** The store's files as the ASSETS binding serves them: whole files or 404s, from memory once read from disk. */
class MemoryAssets {
  readonly #dir: string;
  readonly #files = new Map<string, Uint8Array | null>();
  reads = 0;
  bytes = 0;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Reads a file from disk into memory, outside any timing. */
  preload(path: string): void {
    if (this.#files.has(path)) return;
    try {
      this.#files.set(path, new Uint8Array(readFileSync(join(this.#dir, path))));
    } catch {
      this.#files.set(path, null);
    }
  }

  /** A fresh binding over the same files: a new isolate's, with nothing cached. A file not yet in memory is read from disk. */
  binding(): Fetcher {
    return {
      fetch: async (input: RequestInfo | URL) => {
        const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
        this.preload(path);
        const bytes = this.#files.get(path);
        this.reads++;
        if (!bytes) return new Response('Not Found', { status: 404 });
        // The Worker is charged one copy of what it reads, as workerd makes: a read of the whole body
        // (arrayBuffer(), text()) copies it once, and a read into its own buffer (a BYOB read, as packs are
        // read in part) copies what it asks for, and no more. Node's `Response.arrayBuffer()` would copy a
        // body twice (undici joins the chunks into a Buffer, then copies that into a new ArrayBuffer), which
        // charged a rare tag's first render, then over 23 whole packs, about 0.2 ms more (1.91–2.10 ms
        // against 1.78–1.86 ms, the fastest of 15, four runs each, alternating).
        let at = 0;
        const body = new ReadableStream({
          type: 'bytes',
          pull: (controller) => {
            const request = controller.byobRequest;
            const view = request?.view;
            const size = view ? Math.min(view.byteLength, bytes.byteLength - at) : bytes.byteLength - at;
            const chunk = bytes.subarray(at, at + size);
            at += size;
            this.bytes += size;
            if (view) {
              new Uint8Array(view.buffer, view.byteOffset, size).set(chunk);
              if (size > 0) request!.respond(size);
            } else if (size > 0) controller.enqueue(chunk.slice());
            if (at === bytes.byteLength) {
              controller.close();
              // A read still waiting (past the end, or for more than was left) is answered once the stream is closed.
              controller.byobRequest?.respond(0);
            }
          },
        });
        // With its length, as static assets answer.
        const headers = { 'Content-Length': String(bytes.byteLength) };
        return Object.assign(new Response(body, { headers }), {
          arrayBuffer: async () => {
            this.bytes += bytes.byteLength - at;
            at = bytes.byteLength;
            return bytes.slice().buffer;
          },
        });
      },
      connect: () => {
        throw new Error('not a socket');
      },
    } as unknown as Fetcher;
  }
}

/**
 * Rounds over every route before any is timed, so that the code is warm: V8 optimises a function only
 * after many calls, and after 2 rounds it had not yet (a tag page measured 1.95 ms, the fastest of 11
 * first renders, and 0.98 ms the fastest of 200). After 10 rounds the figures no longer fall: 30
 * measured the same.
 */
const WARM_ROUNDS = 10;

/**
 * Each route's first render in a fresh isolate, once the code is warm (WARM_ROUNDS), the fastest of
 * `repeats`, taken round after round over every route, so that a burst of the machine's noise falls on
 * some of each route's renders, not on all of one's. `vars` are wrangler.toml's.
 */
export const firstRenders = async (
  scriptPath: string,
  assetsDir: string,
  paths: readonly string[],
  vars: Record<string, unknown>,
  repeats = 7,
): Promise<Record<string, FirstRender>> => {
  const worker = (await import(pathToFileURL(scriptPath).href)).default as ExportedHandler<Env>;
  const assets = new MemoryAssets(assetsDir);
  const render = async (path: string) => {
    // A new env: the render cache and the store's file cache are per settings and per binding.
    const env = { ...vars, ASSETS: assets.binding() } as unknown as Env;
    const ctx = { waitUntil: () => {}, passThroughOnException: () => {}, props: {} } as unknown as ExecutionContext;
    const [reads, bytes] = [assets.reads, assets.bytes];
    const request = new Request(`https://publisher.example.com${path}`) as Parameters<
      NonNullable<ExportedHandler<Env>['fetch']>
    >[0];
    const started = performance.now();
    const response = await worker.fetch!(request, env, ctx);
    await response.arrayBuffer();
    const cpu = performance.now() - started;
    return { status: response.status, cpuMs: cpu, reads: assets.reads - reads, bytes: assets.bytes - bytes };
  };
  // The files each route reads come into memory, and the code is warm.
  for (let round = 0; round < WARM_ROUNDS; round++) for (const path of paths) await render(path);
  const runs = new Map(paths.map((path) => [path, [] as Awaited<ReturnType<typeof render>>[]]));
  for (let i = 0; i < repeats; i++) for (const path of paths) runs.get(path)!.push(await render(path));
  const result: Record<string, FirstRender> = {};
  for (const path of paths) {
    const fastest = [...runs.get(path)!].sort((a, b) => a.cpuMs - b.cpuMs)[0]!;
    result[path] = {
      status: fastest.status,
      cpuMs: Number(fastest.cpuMs.toFixed(2)),
      reads: fastest.reads,
      readKB: Number((fastest.bytes / 1024).toFixed(1)),
    };
  }
  return result;
};

interface Job {
  scriptPath: string;
  assetsDir: string;
  paths: readonly string[];
  vars: Record<string, unknown>;
}

/**
 * firstRenders in a Node process of its own, holding nothing but the bundle and the files it reads: in the
 * bench's process, which holds corpora and stores of its own, the same code over the same corpus measured
 * up to three times slower (a tag's feed at 10,000 articles: 6.9 ms there, 2.2 ms apart).
 */
export const firstRendersApart = (job: Job): Promise<Record<string, FirstRender>> =>
  new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [import.meta.filename, JSON.stringify(job)],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as Record<string, FirstRender>)),
    );
  });

if (import.meta.main) {
  const { scriptPath, assetsDir, paths, vars } = JSON.parse(process.argv[2]!) as Job;
  process.stdout.write(JSON.stringify(await firstRenders(scriptPath, assetsDir, paths, vars)));
}
