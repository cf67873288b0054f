import type { Writable } from 'node:stream';
import { OutputError } from './io-errors.js';
import { terminalText } from './terminal-safe.js';

export { isBrokenPipe } from './io-errors.js';

/** Which stream a write went to, for the one-line message when it fails. */
function targetOf(out: Writable): string {
  const fd = (out as { fd?: unknown }).fd;
  return fd === 2 ? 'standard error' : 'standard output';
}

/**
 * Everything the CLI prints goes through here, written with backpressure:
 * waits for 'drain' instead of buffering a whole run in memory. A string is
 * escaped for a terminal (terminalText) here; bytes come from the batch
 * renderer, which escaped each line before encoding it. `onWritten` runs
 * once the chunk has been handed to the system (its buffer may then be
 * reused). A stream that failed (a full disk, a closed pipe) rejects with an
 * OutputError naming it, however the stream reported the failure (thrown,
 * emitted, or already errored).
 */
export async function writeChunk(out: Writable, chunk: string | Uint8Array, onWritten?: (error?: Error | null) => void): Promise<void> {
  const failed = (cause: unknown): OutputError => new OutputError(targetOf(out), cause);
  if (out.errored !== null && out.errored !== undefined) throw failed(out.errored);
  if (out.destroyed || out.writableEnded) throw failed(Object.assign(new Error('stream closed'), { code: 'EPIPE' }));
  let ok: boolean;
  try {
    ok = out.write(typeof chunk === 'string' ? terminalText(chunk) : chunk, onWritten);
  } catch (error) {
    throw failed(error);
  }
  if (ok) return;
  await new Promise<void>((resolve, reject) => {
    const done = (): void => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
    };
    const onDrain = (): void => {
      done();
      resolve();
    };
    const onError = (error: Error): void => {
      done();
      reject(failed(error));
    };
    const onClose = (): void => {
      done();
      reject(failed(out.errored ?? Object.assign(new Error('stream closed'), { code: 'EPIPE' })));
    };
    if (out.errored !== null && out.errored !== undefined) return onError(out.errored);
    out.once('drain', onDrain);
    out.once('error', onError);
    out.once('close', onClose);
  });
}

/**
 * For messages on standard error (progress, refusals): escaped like every
 * output, and never fatal. A closed or failing standard error (`2>&1 | head`)
 * must not stop a run that still has its real output to write.
 */
export function writeMessage(err: Writable, text: string): void {
  writeTerminalControl(err, terminalText(text));
}

/**
 * Our own terminal control sequences (the progress line's carriage return
 * and erase-line), written as they are and, like messages, never fatal.
 * Nothing from input or a model file may reach this unescaped.
 */
export function writeTerminalControl(err: Writable, text: string): void {
  if (err.destroyed || (err.errored !== null && err.errored !== undefined)) return;
  try {
    err.write(text);
  } catch {
    // Nothing else can be told where messages go.
  }
}
