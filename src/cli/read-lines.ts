import type { Readable } from 'node:stream';
import { MAX_LINE_BYTES, readLineChunks } from './batch-input/line-chunks.js';

export interface InputLine {
  /** 1-based line number. */
  line: number;
  /** The line without its ending, BOM (first line) or CR; '' when `tooLong`. */
  text: string;
  /** Bytes of the line: of `text` as UTF-8, or, for a line over the limit, all it had as read (without its "\n"). */
  bytes: number;
  /** The line was longer than the limit and was skipped. */
  tooLong: boolean;
}

/**
 * Lines of a byte stream ending in "\n" or "\r\n", numbered from 1, with a
 * UTF-8 BOM removed: the lines of readLineChunks (one splitter for every
 * reader), each decoded to a string. Pulls one chunk at a time, so a
 * million-row file never sits in memory, and holds at most `maxLineBytes`
 * of one line: a file with no line breaks cannot exhaust memory either.
 * Invalid UTF-8 decodes to U+FFFD, which then fails as JSON in its own row.
 */
export async function* readLines(input: Readable, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<InputLine> {
  for await (const chunk of readLineChunks(input, maxLineBytes)) {
    // Buffer's decoder, unlike TextDecoder's default, keeps a second BOM as text: only line 1's first one is an encoding mark.
    const bytes = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
    let tooLong = 0;
    for (let i = 0, start = 0; i < chunk.ends.length; i++) {
      const end = chunk.ends[i] as number;
      const long = chunk.tooLong[tooLong];
      if (long !== undefined && long.index === i) {
        tooLong++;
        yield { line: chunk.firstLine + i, text: '', bytes: long.bytes, tooLong: true };
      } else yield { line: chunk.firstLine + i, text: bytes.toString('utf8', start, end), bytes: end - start, tooLong: false };
      start = end;
    }
  }
}
