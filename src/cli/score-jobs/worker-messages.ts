import type { Model } from '../../index.js';
import type { RowBatch } from '../batch-input/row-batches.js';
import type { BatchTally, ScoreSettings } from '../score-batch/score-context.js';

/** What each worker thread starts with: the model (validated again there) and the settings that decide output. */
export interface ScoreWorkerData {
  readonly model: Model;
  readonly settings: ScoreSettings;
}

/** One batch's output: its lines as UTF-8 (moved, not copied, back to the main thread) and its counts. */
export interface BatchOutput {
  readonly bytes: Uint8Array;
  readonly tally: BatchTally;
  /** A worker hands the input chunk's buffer back for the next chunk. */
  readonly input?: ArrayBuffer | undefined;
}

/** A batch to score, and a buffer the main thread has written out, for the output (moved, not copied). */
export interface BatchInput {
  readonly batch: RowBatch;
  readonly reuse: ArrayBuffer | undefined;
}
