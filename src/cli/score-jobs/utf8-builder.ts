const encoder = new TextEncoder();

/**
 * Collects lines as UTF-8 in one growing buffer. Encoding each line into
 * place is about twice as fast as joining the lines into one string and
 * encoding that (V8 flattens the joined string first), and the buffer is
 * handed to the main thread without a copy.
 */
export class Utf8Builder {
  private buffer: Uint8Array;
  private length = 0;

  /** Starts in `reuse` (a buffer whose bytes are no longer needed) when given, else in a new 64 KiB one. */
  constructor(reuse?: ArrayBuffer) {
    this.buffer = reuse !== undefined && reuse.byteLength > 0 ? new Uint8Array(reuse) : new Uint8Array(1 << 16);
  }

  append(text: string): void {
    // A UTF-16 unit never takes more than 3 bytes of UTF-8.
    const needed = this.length + text.length * 3;
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** The bytes so far (a view of the builder's buffer: take it once, at the end). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
