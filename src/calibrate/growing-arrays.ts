/** A Float64Array that grows by doubling as values are appended (for per-row figures: 8 bytes a row). */
export class GrowingFloat64 {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values appended, trimmed to size (a copy: the builder may be dropped). */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** An Int32Array that grows by doubling as values are appended. */
export class GrowingInt32 {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index] as number;
  }

  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** A Uint8Array that grows by doubling as values are appended (labels: one byte a row). */
export class GrowingUint8 {
  private data = new Uint8Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint8Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  toArray(): Uint8Array {
    return this.data.slice(0, this.length);
  }
}
