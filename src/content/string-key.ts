/**
 * A 52-bit hash of a string (two FNV-1a variants over its UTF-16 units), exact in a double: what the build
 * keeps of a million names or slugs in place of the strings, 8 bytes each, to find the few that are equal.
 * A given string shares its key with one of a million others with odds of about 2 in 10^10, and some two
 * of a million share one with odds of about 1 in 10^4: callers that must be exact compare the strings
 * behind any key they find twice, so a shared key costs time, never a wrong answer.
 */
export const stringKey = (text: string): number => {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0) * 2 ** 20 + ((b >>> 0) & 0xfffff);
};

/** Keys in order: which are present, and which occur more than once (the only ones whose strings may be equal). */
export class SortedKeys {
  readonly keys: Float64Array;

  /** `keys` already sorted; `SortedKeys.of` sorts a copy. */
  constructor(keys: Float64Array) {
    this.keys = keys;
  }

  static of(keys: Float64Array): SortedKeys {
    return new SortedKeys(keys.slice().sort());
  }

  has(key: number): boolean {
    const { keys } = this;
    let [low, high] = [0, keys.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (keys[mid]! < key) low = mid + 1;
      else high = mid;
    }
    return keys[low] === key;
  }

  shared(): Set<number> {
    const { keys } = this;
    const shared = new Set<number>();
    for (let i = 1; i < keys.length; i++) if (keys[i] === keys[i - 1]) shared.add(keys[i]!);
    return shared;
  }
}
