import { fstatSync, statSync } from 'node:fs';
import { Transform, pipeline, type Readable } from 'node:stream';
import type { CliIO } from '../command.js';
import { openInput } from '../open-input.js';

/** An input stream that counts the bytes read from it, and the input's size when known: for progress and ETA. */
export interface CountedInput {
  readonly stream: Readable;
  bytesRead(): number;
  /** The size of a regular file (a FILE, or standard input redirected from one); undefined for a pipe. */
  readonly totalBytes: number | undefined;
}

export function countedInput(file: string | undefined, io: CliIO): CountedInput {
  const totalBytes = inputSize(file, io);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  // An error of the input (ENOENT, EISDIR) reaches whoever reads the counter.
  const stream: Readable = pipeline(openInput(file, io), counter, () => undefined);
  return { stream, bytesRead: () => bytes, totalBytes };
}

function inputSize(file: string | undefined, io: CliIO): number | undefined {
  try {
    const stats = file === undefined || file === '-' ? (io.stdin === process.stdin ? fstatSync(0) : undefined) : statSync(file);
    return stats?.isFile() === true ? stats.size : undefined;
  } catch {
    return undefined; // the read itself reports a missing or unreadable file
  }
}
