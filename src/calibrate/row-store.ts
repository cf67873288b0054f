/** The largest buffer reserved to grow in place (V8's limit for a resizable ArrayBuffer on 64-bit). */
const MAX_RESERVED_BYTES = 2 ** 32;

interface ResizableBuffer extends ArrayBuffer {
  readonly resizable?: boolean;
  readonly maxByteLength?: number;
  resize?(byteLength: number): void;
}

/**
 * Values appended row by row into one buffer. Where the runtime has
 * resizable ArrayBuffers (Node 20, current browsers) the buffer grows in
 * place, so the memory is what the rows hold (no doubling, no copy), and it
 * shrinks from the end as `finish` moves the rows out; elsewhere (or past
 * 4 GiB) it grows by doubling.
 */
export class RowStore<T extends Float64Array | Uint8Array> {
  private buffer: ResizableBuffer;
  view: T;

  constructor(
    private readonly make: (buffer: ArrayBuffer) => T,
    private readonly bytesPerValue: number,
  ) {
    let buffer: ResizableBuffer;
    try {
      buffer = new (ArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => ResizableBuffer)(0, { maxByteLength: MAX_RESERVED_BYTES });
    } catch {
      buffer = new ArrayBuffer(0);
    }
    this.buffer = buffer;
    this.view = make(buffer);
  }

  /** Room for `values` values in all. */
  reserve(values: number): void {
    const bytes = values * this.bytesPerValue;
    if (bytes <= this.buffer.byteLength) return;
    const wanted = Math.max(bytes, Math.min(2 * this.buffer.byteLength, bytes + (64 << 20)), 1 << 16);
    if (this.buffer.resizable === true && this.buffer.resize !== undefined && wanted <= (this.buffer.maxByteLength ?? 0)) {
      this.buffer.resize(wanted);
      return;
    }
    const grown = new ArrayBuffer(Math.max(bytes, 2 * this.buffer.byteLength));
    new Uint8Array(grown).set(new Uint8Array(this.buffer));
    this.buffer = grown;
    this.view = this.make(grown);
  }

  /** Keeps the first `values` values and gives back the memory past them (where the buffer can shrink). */
  truncate(values: number): void {
    if (this.buffer.resizable === true && this.buffer.resize !== undefined) this.buffer.resize(values * this.bytesPerValue);
  }
}
