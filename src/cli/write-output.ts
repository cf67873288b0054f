import type { Writable } from 'node:stream';

/**
 * Writes with backpressure: waits for 'drain' instead of buffering a whole
 * run in memory. `onWritten` runs once the chunk has been handed to the
 * system (its buffer may then be reused).
 */
export async function writeChunk(out: Writable, chunk: string | Uint8Array, onWritten?: (error?: Error | null) => void): Promise<void> {
  if (out.write(chunk, onWritten)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = (): void => {
      out.off('error', onError);
      resolve();
    };
    const onError = (error: Error): void => {
      out.off('drain', onDrain);
      reject(error);
    };
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}

/** True for the error a closed pipe (`| head`) raises: the reader left, not a failure. */
export function isBrokenPipe(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EPIPE';
}
