import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { CliIO } from './command.js';

/** A FILE argument, or standard input for `-` or no argument. */
export function openInput(file: string | undefined, io: CliIO): Readable {
  return file === undefined || file === '-' ? io.stdin : createReadStream(file);
}
