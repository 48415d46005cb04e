/** File names, remembered in little memory. */

/**
 * A set of file names held as 52-bit hashes (two FNV-1a variants), 8 bytes a name: at a
 * million articles and their sidecars, 16 MB rather than the names themselves. A false
 * "present" has odds of about one in 10^9 per question at that size.
 */
export class NameSet {
  #keys = new Float64Array(1024);
  #size = 0;

  static #key(name: string): number {
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
    }
    return (a >>> 0) * 2 ** 20 + ((b >>> 0) & 0xfffff);
  }

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
    this.#keys[this.#size++] = NameSet.#key(name);
  }

  /** Sorts what was added: has() may be asked from now on. */
  seal(): void {
    this.#keys = this.#keys.slice(0, this.#size).sort();
  }

  /** A sealed set as bytes, to be read back by fromBytes(). */
  toBytes(): Uint8Array {
    return new Uint8Array(this.#keys.buffer, this.#keys.byteOffset, this.#size * 8);
  }

  static fromBytes(bytes: Uint8Array): NameSet {
    const set = new NameSet();
    const keys = new Float64Array(bytes.byteLength / 8);
    new Uint8Array(keys.buffer).set(bytes);
    set.#keys = keys;
    set.#size = set.#keys.length;
    return set;
  }

  has(name: string): boolean {
    const key = NameSet.#key(name);
    let [low, high] = [0, this.#keys.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#keys[mid]! < key) low = mid + 1;
      else high = mid;
    }
    return this.#keys[low] === key;
  }
}
