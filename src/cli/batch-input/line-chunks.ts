import type { Readable } from 'node:stream';

/** Longest line the batch commands read; a longer one is reported and skipped, never buffered whole. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * The lines that end in one chunk of the input, as raw UTF-8: what the
 * batched scorer reads, so that a chunk goes to a worker thread as one
 * buffer, moved rather than copied, and is decoded line by line where it is
 * scored. Same lines as readLines gives: numbered from 1, the UTF-8 BOM of
 * line 1 and one trailing CR removed; a line over the limit is kept as its
 * byte count only.
 */
export interface LineChunk {
  readonly firstLine: number;
  /** Line i is bytes [ends[i − 1] (or 0), ends[i]). */
  readonly bytes: Uint8Array;
  readonly ends: Int32Array;
  /** Lines over the limit (empty in `bytes`): their index in the chunk and their length in bytes. */
  readonly tooLong: readonly { readonly index: number; readonly bytes: number }[];
}

/**
 * Reads `input` as LineChunks: one per input chunk that ends at least one
 * line, and one for a last line without "\n". `buffer(size)` gives the
 * memory for a chunk's bytes (a caller may hand back buffers it is done with).
 */
export async function* readLineChunks(input: Readable, maxLineBytes = MAX_LINE_BYTES, buffer = (size: number): Uint8Array => new Uint8Array(size)): AsyncGenerator<LineChunk> {
  // The unfinished line carried from earlier chunks.
  let carried: Buffer[] = [];
  let carriedBytes = 0;
  let carriedTooLong = false;
  let nextLine = 1;

  const chunkOf = (lines: { parts: Buffer[]; bytes: number; tooLong: boolean }[]): LineChunk => {
    let size = 0;
    for (const l of lines) if (!l.tooLong) size += l.bytes;
    const bytes = buffer(size);
    const ends = new Int32Array(lines.length);
    const tooLong: { index: number; bytes: number }[] = [];
    let at = 0;
    lines.forEach((l, i) => {
      if (l.tooLong) tooLong.push({ index: i, bytes: l.bytes });
      else {
        const start = at;
        for (const part of l.parts) {
          bytes.set(part, at);
          at += part.length;
        }
        if (nextLine + i === 1 && at - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) {
          bytes.copyWithin(start, start + 3, at);
          at -= 3;
        }
        if (at > start && bytes[at - 1] === 0x0d) at--;
      }
      ends[i] = at;
    });
    const chunk = { firstLine: nextLine, bytes: bytes.subarray(0, at), ends, tooLong };
    nextLine += lines.length;
    return chunk;
  };

  for await (const raw of input as AsyncIterable<Buffer | string>) {
    const buffer = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    const lines: { parts: Buffer[]; bytes: number; tooLong: boolean }[] = [];
    let start = 0;
    for (;;) {
      const newline = buffer.indexOf(10, start);
      const end = newline === -1 ? buffer.length : newline;
      if (!carriedTooLong && carriedBytes + (end - start) > maxLineBytes) {
        carriedTooLong = true;
        carried = [];
      }
      if (!carriedTooLong && end > start) carried.push(buffer.subarray(start, end));
      carriedBytes += end - start;
      if (newline === -1) break;
      lines.push({ parts: carried, bytes: carriedBytes, tooLong: carriedTooLong });
      carried = [];
      carriedBytes = 0;
      carriedTooLong = false;
      start = newline + 1;
    }
    if (lines.length > 0) yield chunkOf(lines);
  }
  // A last line without a final "\n" still counts; an empty one after it does not.
  if (carriedBytes > 0) yield chunkOf([{ parts: carried, bytes: carriedBytes, tooLong: carriedTooLong }]);
}
