/**
 * Compiles seed articles on worker threads, one a core: compiling (typograf
 * above all) is most of a cold build's time, and every article compiles
 * alone. Answers are promises, which the build awaits in the order it asked,
 * so that everything else it does stays in the order it reads the seeds.
 * With no threads it compiles on the calling thread: small builds do not pay
 * for starting workers.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PictureReader } from '../src/content/compile-articles.ts';
import { type CompiledSeed, compileSeed, pictureReader, type SeedContext, type SeedJob } from './compile-seed.ts';

/** Below this many seed files a build compiles on its own thread: starting a worker costs about 0.2 s. */
const MIN_FILES_FOR_THREADS = 500;

/** Threads for a build of `files` seed files: one a core, or none for a small build; CONTENT_THREADS overrides. */
export const compileThreads = (files: number, override = process.env.CONTENT_THREADS): number => {
  if (override !== undefined && /^\d+$/.test(override)) return Number(override);
  return files < MIN_FILES_FOR_THREADS ? 0 : availableParallelism();
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

  constructor(context: SeedContext, threads: number) {
    this.#context = context;
    this.#threads = threads;
    this.#readPicture = pictureReader(context.seeds);
  }

  compile(job: SeedJob): Promise<CompiledSeed> {
    if (this.#threads === 0) {
      try {
        return Promise.resolve(compileSeed(this.#context, job, this.#readPicture));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    // Workers start on the first job, so a build that compiles nothing starts none.
    if (this.#workers.length === 0) this.#start();
    const id = this.#next++;
    // The least busy worker: jobs differ in length, so turns alone would leave one idle.
    const index = this.#load.indexOf(Math.min(...this.#load));
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

  /** Stops the workers; jobs still running are abandoned. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
    this.#workers.length = 0;
  }

  #start(): void {
    for (let i = 0; i < this.#threads; i++) {
      const worker = new Worker(join(import.meta.dirname, 'compile-worker.ts'), {
        workerData: this.#context,
        // The build's own young generation (see build-content.ts): most of what a compile allocates dies young.
        resourceLimits: { maxYoungGenerationSizeMb: 48 },
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
