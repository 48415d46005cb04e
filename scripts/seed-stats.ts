/**
 * The identities of the seeds a build's cache knows (scripts/build-cache.ts), asked of the file
 * system on a thread of their own: a build after one new article has nothing else to do with
 * most files, and at 100,000 articles their 200,000 `stat` calls were a third of its time on the
 * build's own thread. Files go to the thread in batches, one message each way a batch: a message
 * a file cost more than the call it saves.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { identityOf, type SourceIdentity, sourceIdentity } from './source-identity.ts';

/**
 * Files a message: enough that messages cost little (waking a thread costs about 0.1 ms on these
 * machines), and a fraction of the articles the build reads ahead (content-build.ts: 1,024 files,
 * about 500 articles), so that the one it waits for was sent long since.
 */
const BATCH = 128;

type Job = [name: string, sidecar: string | null];

interface Request {
  id: number;
  jobs: Job[];
}

/** Per file: its size and mtime, then its sidecar's; NaN where a file was gone. */
interface Response {
  id: number;
  stats: Float64Array;
}

const FIELDS = 4;

interface Batch {
  jobs: Job[];
  resolve: (stats: Float64Array) => void;
  reject: (error: Error) => void;
  stats: Promise<Float64Array>;
}

export class SeedStats {
  readonly #seeds: string;
  readonly #worker: Worker;
  readonly #sent = new Map<number, Batch>();
  #batch: Batch;
  #next = 0;

  constructor(seeds: string) {
    this.#seeds = seeds;
    this.#worker = new Worker(import.meta.filename, { workerData: { seedStats: seeds } satisfies ThreadData });
    this.#worker.on('message', ({ id, stats }: Response) => {
      this.#sent.get(id)?.resolve(stats);
      this.#sent.delete(id);
    });
    this.#worker.on('error', (error) => {
      for (const batch of this.#sent.values()) batch.reject(error);
      this.#sent.clear();
    });
    this.#batch = this.#newBatch();
  }

  /** A source's identity, once its batch is sent (when full, or by flush()) and answered. */
  identify(name: string, sidecar: string | undefined): { identity: Promise<SourceIdentity>; sent: () => boolean } {
    const batch = this.#batch;
    const index = batch.jobs.push([name, sidecar ?? null]) - 1;
    if (batch.jobs.length === BATCH) this.flush();
    const identity = batch.stats.then((stats) => {
      const [size, mtimeMs, sidecarSize, sidecarMtimeMs] = stats.subarray(index * FIELDS, (index + 1) * FIELDS);
      // A file gone since the directory was read: asked again here, to fail as the build would.
      if (Number.isNaN(size) || (sidecar && Number.isNaN(sidecarSize)))
        return sourceIdentity(this.#seeds, name, sidecar);
      return identityOf(
        { size: size!, mtimeMs: mtimeMs! },
        sidecar ? { name: sidecar, stats: { size: sidecarSize!, mtimeMs: sidecarMtimeMs! } } : undefined,
      );
    });
    return { identity, sent: () => batch !== this.#batch };
  }

  /** Sends what is batched, for a build that is about to wait for it. */
  flush(): void {
    const batch = this.#batch;
    if (batch.jobs.length === 0) return;
    const id = this.#next++;
    this.#sent.set(id, batch);
    this.#worker.postMessage({ id, jobs: batch.jobs } satisfies Request);
    this.#batch = this.#newBatch();
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }

  #newBatch(): Batch {
    const { promise: stats, resolve, reject } = Promise.withResolvers<Float64Array>();
    // Awaited through identify(); a failure then fails the build there.
    stats.catch(() => undefined);
    return { jobs: [], resolve, reject, stats };
  }
}

/** What the thread is started with: named, since this module is also loaded on threads that are not it (a test runner's). */
interface ThreadData {
  seedStats: string;
}

/** The thread: stats each batch's files, in order. */
const threadSeeds = isMainThread ? undefined : (workerData as Partial<ThreadData> | undefined)?.seedStats;
if (threadSeeds !== undefined && parentPort) {
  const port = parentPort;
  const stat = (name: string) => statSync(join(threadSeeds, name), { throwIfNoEntry: false });
  port.on('message', ({ id, jobs }: Request) => {
    const stats = new Float64Array(jobs.length * FIELDS).fill(Number.NaN);
    jobs.forEach(([name, sidecar], i) => {
      const file = stat(name);
      const side = sidecar ? stat(sidecar) : undefined;
      if (file) stats.set([file.size, file.mtimeMs], i * FIELDS);
      if (side) stats.set([side.size, side.mtimeMs], i * FIELDS + 2);
      else if (!sidecar) stats.set([0, 0], i * FIELDS + 2);
    });
    port.postMessage({ id, stats } satisfies Response, [stats.buffer]);
  });
}
