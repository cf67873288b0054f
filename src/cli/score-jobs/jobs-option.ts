import { availableParallelism } from 'node:os';
import { integerOption } from '../integer-option.js';

/** Far more threads than rows benefit from on any machine we know; each holds its own compiled model. */
export const MAX_JOBS = 64;

/**
 * Below this input size one thread finishes before extra threads would have
 * started (each loads the library and compiles the model: ~0.1–0.2 s), so
 * the default stays at one job.
 */
export const PARALLEL_FILE_BYTES = 4 * 1024 * 1024;

/**
 * `--jobs N`, or the default: every core for a file of at least
 * PARALLEL_FILE_BYTES, one job for a pipe (rows arrive as they are written,
 * and a pipe's reader usually wants each result as soon as it is scored)
 * and for small files.
 */
export function jobsOption(value: string | undefined, file: string | undefined, totalBytes: number | undefined): number {
  if (value !== undefined) return integerOption('jobs', value, 1, 1, MAX_JOBS);
  const isFile = file !== undefined && file !== '-';
  return isFile && totalBytes !== undefined && totalBytes >= PARALLEL_FILE_BYTES ? Math.min(availableParallelism(), MAX_JOBS) : 1;
}
