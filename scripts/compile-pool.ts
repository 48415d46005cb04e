/**
 * Compiles seed articles on all cores: compiling (typograf above all) is most
 * of a cold build's time, and every article compiles alone. The calling thread
 * is one of the lanes, worker threads the others: each worker is a V8 isolate
 * of its own, about 100 MB with the compiler loaded, so the build's own thread
 * works rather than waits. Answers are promises, which the build awaits in the
 * order it asked, so that everything else it does stays in the order it reads
 * the seeds. With no workers it compiles on the calling thread alone: small
 * builds do not pay for starting them.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PictureReader } from '../src/content/compile-articles.ts';
import { type CompiledSeed, compileSeed, pictureReader, type SeedContext, type SeedJob } from './compile-seed.ts';

/** Below this many seed files a build compiles on its own thread: starting a worker costs about 0.2 s. */
const MIN_FILES_FOR_THREADS = 500;

/** Articles the calling thread compiles alone before it starts the workers. */
const INLINE_FIRST = 8;

/**
 * Jobs a worker may have waiting before the calling thread compiles one itself: some 25 ms of work,
 * so that a worker still has some when this thread, busy with its own, hears its answers late. With
 * 4 the workers ran dry at times: 10,000 articles built 0.2 s (2%) slower, in nine alternating pairs.
 */
const QUEUED_PER_WORKER = 16;

/** Worker threads for a build of `files` seed files: one a core beside the build's own, or none for a small build; CONTENT_THREADS overrides. */
export const compileThreads = (files: number, override = process.env.CONTENT_THREADS): number => {
  if (override !== undefined && /^\d+$/.test(override)) return Number(override);
  return files < MIN_FILES_FOR_THREADS ? 0 : availableParallelism() - 1;
};

/** A message to a worker: a job, numbered so that its answer finds its promise. */
export interface PoolRequest {
  id: number;
  job: SeedJob;
}

export type PoolResponse = { id: number; compiled: CompiledSeed } | { id: number; failure: string };

interface Pending {
  resolve: (compiled: CompiledSeed) => void;
  reject: (error: Error) => void;
}

export class CompilePool {
  readonly #context: SeedContext;
  readonly #threads: number;
  readonly #workers: Worker[] = [];
  readonly #load: number[] = [];
  readonly #pending = new Map<number, Pending>();
  readonly #readPicture: PictureReader;
  #next = 0;
  #inline = 0;
  /** This thread compiled since it last listened: the workers' answers may be waiting. */
  #busy = false;

  constructor(context: SeedContext, threads: number) {
    this.#context = context;
    this.#threads = threads;
    this.#readPicture = pictureReader(context.seeds);
  }

  compile(job: SeedJob): Promise<CompiledSeed> {
    // Workers start once this thread has compiled a few: a build that compiles one article (a
    // publication) starts none, since starting one takes longer than compiling it.
    if (this.#threads > 0 && this.#workers.length === 0 && this.#inline >= INLINE_FIRST) this.#start();
    // The least busy worker, or this thread when every worker has enough to do.
    const least = Math.min(...this.#load, QUEUED_PER_WORKER);
    if (least >= QUEUED_PER_WORKER) {
      this.#inline++;
      this.#busy = true;
      try {
        return Promise.resolve(compileSeed(this.#context, job, this.#readPicture));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const index = this.#load.indexOf(least);
    const id = this.#next++;
    this.#load[index]!++;
    return new Promise<CompiledSeed>((resolve, reject) => {
      this.#pending.set(id, {
        resolve: (compiled) => {
          this.#load[index]!--;
          resolve(compiled);
        },
        reject,
      });
      this.#workers[index]!.postMessage({ id, job } satisfies PoolRequest);
    });
  }

  /**
   * Lets the workers' answers in: this thread hears them only between its own tasks, and a build
   * that compiles on it too would otherwise starve them of jobs. One turn of the event loop, taken only
   * after this thread has compiled one: a turn after every file was 20,000 at 10,000 articles.
   */
  async listen(): Promise<void> {
    if (this.#workers.length === 0 || !this.#busy) return;
    this.#busy = false;
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Stops the workers; jobs still running are abandoned. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
    this.#workers.length = 0;
  }

  #start(): void {
    for (let i = 0; i < this.#threads; i++) {
      const worker = new Worker(join(import.meta.dirname, 'compile-worker.ts'), {
        workerData: this.#context,
        // The build's own young generation (see build-content.js): most of what a compile allocates dies young.
        resourceLimits: { maxYoungGenerationSizeMb: 16 },
      });
      worker.on('message', (response: PoolResponse) => {
        const pending = this.#pending.get(response.id);
        this.#pending.delete(response.id);
        if ('compiled' in response) pending?.resolve(response.compiled);
        else pending?.reject(new Error(response.failure));
      });
      worker.on('error', (error) => this.#fail(error));
      this.#workers.push(worker);
      this.#load.push(0);
    }
  }

  #fail(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
