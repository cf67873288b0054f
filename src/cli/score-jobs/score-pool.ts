import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { BatchInput, BatchOutput, ScoreWorkerData } from './worker-messages.js';
import { transferables, type RowBatch } from '../batch-input/row-batches.js';

/**
 * The worker script, built beside the CLI bundle (dist/score-worker.js). Run
 * from source (tests import src/), there is none: `--jobs` then needs the
 * built package.
 */
export function scoreWorkerFile(): string | undefined {
  const file = fileURLToPath(new URL('./score-worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

export interface ScorePool {
  run(batch: RowBatch, reuse: ArrayBuffer | undefined): Promise<BatchOutput>;
  close(): Promise<void>;
}

/**
 * `jobs` worker threads (piscina), each with its own compiled scorer. Tasks
 * go to whichever thread is free; the caller keeps the order.
 */
export function createScorePool(file: string, jobs: number, data: ScoreWorkerData, queuedPerWorker: number): ScorePool {
  const pool = new Piscina<BatchInput, BatchOutput>({
    filename: file,
    minThreads: jobs,
    maxThreads: jobs,
    workerData: data,
    // The ordered pipeline bounds what is in flight; the pool never needs its own queue limit.
    idleTimeout: Number.POSITIVE_INFINITY,
    // Queued batches wait in the worker's own message queue, not in the pool's: a worker goes on to
    // its next batch even while the main thread is busy scoring one itself.
    concurrentTasksPerWorker: queuedPerWorker,
  });
  return {
    run: (batch, reuse) => pool.run({ batch, reuse }, { transferList: reuse === undefined ? transferables(batch) : [...transferables(batch), reuse] }),
    close: () => pool.destroy(),
  };
}
