type TypedArray = Float64Array | Int32Array | Uint8Array;

/** `values` copied into an array twice as long, the new half filled with `fill`: the growth step of the tables that are indexed directly. */
export function doubled(values: Int32Array, fill = 0): Int32Array<ArrayBuffer> {
  const out = new Int32Array(values.length * 2);
  out.set(values);
  if (fill !== 0) out.fill(fill, values.length);
  return out;
}

/** A typed array that grows by doubling as values are appended (per-row figures: labels, weights, codes). */
class GrowingArray<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index] as number;
  }

  /** The values appended, trimmed to size (a copy: the builder may be dropped). */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}

export class GrowingFloat64 extends GrowingArray<Float64Array> {
  constructor() {
    super((size) => new Float64Array(size));
  }
}

export class GrowingInt32 extends GrowingArray<Int32Array> {
  constructor() {
    super((size) => new Int32Array(size));
  }
}

export class GrowingUint8 extends GrowingArray<Uint8Array> {
  constructor() {
    super((size) => new Uint8Array(size));
  }
}
