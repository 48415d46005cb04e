/** File names, remembered in little memory. */
import { SortedKeys, stringKey } from '../src/content/string-key.ts';

/**
 * A set of file names held as 52-bit hashes (stringKey), 8 bytes a name: at a
 * million articles and their sidecars, 16 MB rather than the names themselves. A false
 * "present" has odds of about one in 10^9 per question at that size.
 */
export class NameSet {
  #keys: Float64Array = new Float64Array(1024);
  #size = 0;
  #sorted = new SortedKeys(new Float64Array(0));

  /** How many names were added. */
  get size(): number {
    return this.#size;
  }

  add(name: string): void {
    if (this.#size === this.#keys.length) {
      const grown = new Float64Array(this.#keys.length * 2);
      grown.set(this.#keys);
      this.#keys = grown;
    }
    this.#keys[this.#size++] = stringKey(name);
  }

  /** Sorts what was added: has() may be asked from now on. */
  seal(): void {
    this.#sorted = SortedKeys.of(this.#keys.subarray(0, this.#size));
    // The buffer that grew is let go: a million names and their sidecars are 16 MB.
    this.#keys = new Float64Array(0);
  }

  /** A sealed set as bytes, to be read back by fromBytes(). */
  toBytes(): Uint8Array {
    const { keys } = this.#sorted;
    return new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength);
  }

  static fromBytes(bytes: Uint8Array): NameSet {
    const set = new NameSet();
    const keys = new Float64Array(bytes.byteLength / 8);
    new Uint8Array(keys.buffer).set(bytes);
    set.#size = keys.length;
    set.#sorted = new SortedKeys(keys);
    return set;
  }

  has(name: string): boolean {
    return this.#sorted.has(stringKey(name));
  }
}
