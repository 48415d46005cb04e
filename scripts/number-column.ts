/**
 * A growable column of numbers in a typed array: the build keeps a dozen
 * numbers per article, and a million articles in JS arrays take 8 bytes an
 * entry at best (a pointer each) where an Int32Array takes 4 and a Uint8Array 1.
 */
type TypedArray = Float64Array | Int32Array | Uint8Array;

export class NumberColumn<T extends TypedArray = TypedArray> {
  #data: T;
  #length = 0;
  readonly #make: (length: number) => T;

  constructor(make: (length: number) => T) {
    this.#make = make;
    this.#data = make(1024);
  }

  get length(): number {
    return this.#length;
  }

  push(value: number): void {
    if (this.#length === this.#data.length) {
      const grown = this.#make(this.#data.length * 2);
      grown.set(this.#data as never);
      this.#data = grown;
    }
    this.#data[this.#length++] = value;
  }

  /** The entry at `index`; undefined beyond the end, as an array's. */
  at(index: number): number | undefined {
    return index >= 0 && index < this.#length ? this.#data[index] : undefined;
  }
}

export const float64Column = () => new NumberColumn((length) => new Float64Array(length));
export const int32Column = () => new NumberColumn((length) => new Int32Array(length));
export const uint8Column = () => new NumberColumn((length) => new Uint8Array(length));
