/**
 * A growable column of short strings (ids, slugs) kept as UTF-8 outside V8's heap: a million
 * slugs as strings were some 90 MB of heap that every full collection marked, and the heap
 * grows by a third over what it holds (build-content.js); as bytes they are 70 MB that no
 * collection visits. A string is made again each time it is asked for, so that what is
 * asked for once per article in a pass dies young.
 *
 * Given a file, a column writes each block out as it fills and keeps only the one being
 * filled, until load() reads them all back, if they are few enough; else each string is read
 * from the file when asked for.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { float64Column, int32Column } from './number-column.ts';

/** Bytes a block holds; a longer string gets a block of its own. */
const BLOCK = 1 << 20;

export class StringColumn {
  readonly #blocks: (Buffer | undefined)[] = [];
  // Where each block was written in the file, when it was.
  readonly #written: number[] = [];
  #file: number | undefined;
  #fileBytes = 0;
  #used = 0;
  // Where each string starts, as block × BLOCK + offset, and its length in bytes.
  readonly #starts = float64Column();
  readonly #lengths = int32Column();

  /** `spillPath`: a file to hold filled blocks until load(); the caller removes it. */
  constructor(spillPath?: string) {
    this.#file = spillPath === undefined ? undefined : openSync(spillPath, 'w+');
  }

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
    const full = this.#blocks.length - 1;
    if (this.#file !== undefined && full >= 0) {
      const block = this.#blocks[full]!;
      writeSync(this.#file, block, 0, this.#used, this.#fileBytes);
      this.#written[full] = this.#fileBytes;
      this.#fileBytes += this.#used;
      this.#blocks[full] = undefined;
    }
    const block = Buffer.allocUnsafe(Math.max(BLOCK, bytes));
    this.#blocks.push(block);
    this.#used = 0;
    return block;
  }

  /**
   * Reads every block written out back into memory, and closes the file, unless they hold more than
   * `maxBytes`: then at() goes on reading each string from the file (about 2 µs a string here).
   */
  load(maxBytes = Number.POSITIVE_INFINITY): void {
    const file = this.#file;
    if (file === undefined || this.#fileBytes > maxBytes) return;
    this.#blocks.forEach((block, i) => {
      if (block !== undefined) return;
      const read = Buffer.allocUnsafe((this.#written[i + 1] ?? this.#fileBytes) - this.#written[i]!);
      readSync(file, read, 0, read.byteLength, this.#written[i]!);
      this.#blocks[i] = read;
    });
    this.close();
  }

  /** Closes the file, if it is still open: at() may then read only what is in memory. */
  close(): void {
    if (this.#file !== undefined) closeSync(this.#file);
    this.#file = undefined;
  }

  /** The string at `index`, which must be one pushed: from memory, or from the file before load(). */
  at(index: number): string {
    const start = this.#starts.at(index);
    if (start === undefined) throw new RangeError(`no string at ${index} of ${this.length}`);
    const offset = start % BLOCK;
    const block = (start - offset) / BLOCK;
    const length = this.#lengths.at(index)!;
    const held = this.#blocks[block];
    if (held !== undefined) return held.toString('utf8', offset, offset + length);
    const bytes = Buffer.allocUnsafe(length);
    readSync(this.#file!, bytes, 0, length, this.#written[block]! + offset);
    return bytes.toString('utf8');
  }
}
