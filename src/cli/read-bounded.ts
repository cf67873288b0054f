import type { Readable } from 'node:stream';
import { UsageError } from './command.js';

/** All of a stream as UTF-8 text, refusing (without buffering further) once it passes `maxBytes`. */
export async function readBounded(input: Readable, maxBytes: number, what: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += buffer.length;
    if (size > maxBytes) {
      input.destroy();
      throw new UsageError(`${what} is larger than ${maxBytes} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
