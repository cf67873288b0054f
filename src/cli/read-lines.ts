import type { Readable } from 'node:stream';

/** Longest line the batch commands read; a longer one is reported and skipped, never buffered whole. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface InputLine {
  /** 1-based line number. */
  line: number;
  /** The line without its ending, BOM (first line) or CR; '' when `tooLong`. */
  text: string;
  /** Bytes in the line as read (without its "\n"). */
  bytes: number;
  /** The line was longer than the limit and was skipped. */
  tooLong: boolean;
}

/**
 * Lines of a byte stream ending in "\n" or "\r\n", numbered from 1, with a
 * UTF-8 BOM removed. Pulls one chunk at a time, so a million-row file never
 * sits in memory, and holds at most `maxLineBytes` of one line: a file with
 * no line breaks cannot exhaust memory either. Invalid UTF-8 decodes to
 * U+FFFD, which then fails as JSON in its own row.
 */
export async function* readLines(input: Readable, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<InputLine> {
  let parts: Buffer[] = [];
  let bytes = 0;
  let tooLong = false;
  let line = 0;

  const take = (): InputLine => {
    line++;
    let text = '';
    if (!tooLong) {
      text = (parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, bytes)).toString('utf8');
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.endsWith('\r')) text = text.slice(0, -1);
    }
    const out: InputLine = { line, text, bytes, tooLong };
    parts = [];
    bytes = 0;
    tooLong = false;
    return out;
  };

  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (;;) {
      const newline = buffer.indexOf(10, start);
      const end = newline === -1 ? buffer.length : newline;
      if (!tooLong && bytes + (end - start) > maxLineBytes) {
        tooLong = true;
        parts = [];
      }
      if (!tooLong && end > start) parts.push(buffer.subarray(start, end));
      bytes += end - start;
      if (newline === -1) break;
      yield take();
      start = newline + 1;
    }
  }
  // A last line without a final "\n" still counts; an empty one after it does not.
  if (bytes > 0) yield take();
}
