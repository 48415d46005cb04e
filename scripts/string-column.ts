/**
 * A growable column of short strings (ids, slugs) kept as UTF-8 outside V8's heap: a million
 * slugs as strings were some 90 MB of heap that every full collection marked, and the heap
 * grows by a third over what it holds (build-content.js); as bytes they are 70 MB that no
 * collection visits. A string is made again each time it is asked for, so that what is
 * asked for once per article in a pass dies young.
 */
import { float64Column, int32Column } from './number-column.ts';

/** Bytes a block holds; a longer string gets a block of its own. */
const BLOCK = 1 << 20;

export class StringColumn {
  readonly #blocks: Buffer[] = [];
  #used = 0;
  // Where each string starts, as block × BLOCK + offset, and its length in bytes.
  readonly #starts = float64Column();
  readonly #lengths = int32Column();

  get length(): number {
    return this.#starts.length;
  }

  push(value: string): void {
    const bytes = Buffer.byteLength(value);
    const last = this.#blocks.at(-1);
    const block = last !== undefined && this.#used + bytes <= last.byteLength ? last : this.#newBlock(bytes);
    block.write(value, this.#used, 'utf8');
    this.#starts.push((this.#blocks.length - 1) * BLOCK + this.#used);
    this.#lengths.push(bytes);
    this.#used += bytes;
  }

  #newBlock(bytes: number): Buffer {
    const block = Buffer.allocUnsafe(Math.max(BLOCK, bytes));
    this.#blocks.push(block);
    this.#used = 0;
    return block;
  }

  /** The string at `index`, which must be one pushed. */
  at(index: number): string {
    const start = this.#starts.at(index);
    if (start === undefined) throw new RangeError(`no string at ${index} of ${this.length}`);
    const offset = start % BLOCK;
    return this.#blocks[(start - offset) / BLOCK]!.toString('utf8', offset, offset + this.#lengths.at(index)!);
  }
}
