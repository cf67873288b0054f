import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * Lines of a text stream, numbered from 1, with a UTF-8 BOM and CR endings
 * removed. Streams, so a million-row file never sits in memory.
 */
export async function* readLines(input: Readable): AsyncGenerator<{ line: number; text: string }> {
  const reader = createInterface({ input, crlfDelay: Infinity, terminal: false });
  let line = 0;
  for await (const raw of reader) {
    line++;
    let text = raw;
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    yield { line, text };
  }
}
