/** A compile worker thread (scripts/compile-pool.ts): compiles the seeds it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import type { PoolRequest, PoolResponse } from './compile-pool.ts';
import { compileSeed, pictureReader, type SeedContext } from './compile-seed.ts';

const context = workerData as SeedContext;
const readPicture = pictureReader(context.seeds);

parentPort!.on('message', ({ id, job }: PoolRequest) => {
  let response: PoolResponse;
  const transfer: ArrayBuffer[] = [];
  try {
    const compiled = compileSeed(context, job, readPicture);
    if (compiled.kind === 'article') {
      // Segments are views into zlib's larger buffers: copied tight and moved, not cloned whole.
      compiled.meta = new Uint8Array(compiled.meta);
      compiled.body = new Uint8Array(compiled.body);
      transfer.push(compiled.meta.buffer as ArrayBuffer, compiled.body.buffer as ArrayBuffer);
    }
    response = { id, compiled };
  } catch (error) {
    response = { id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(response, transfer);
});
