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
}

export type BatchInput = RowBatch;
