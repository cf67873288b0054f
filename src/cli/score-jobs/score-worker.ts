import { transferableSymbol, valueSymbol, workerData } from 'piscina';
import { parseModel } from '../../index.js';
import { createScoreContext } from '../score-batch/score-context.js';
import type { BatchInput, BatchOutput, ScoreWorkerData } from './worker-messages.js';
import { renderBatch } from './render-batch.js';

// A worker thread of `score --jobs N` (built to dist/score-worker.js). The model is parsed and compiled once per thread.
const data = workerData as ScoreWorkerData;
const context = createScoreContext(parseModel(data.model), data.settings);

/** Scores one batch exactly as `--jobs 1` scores its rows, and hands the bytes back without a copy. */
export default function scoreBatch({ batch, reuse }: BatchInput): BatchOutput {
  const output: BatchOutput = { ...renderBatch(context, batch, reuse), input: 'bytes' in batch ? (batch.bytes.buffer as ArrayBuffer) : undefined };
  return {
    ...output,
    get [transferableSymbol]() {
      return output.input === undefined ? [output.bytes.buffer] : [output.bytes.buffer, output.input];
    },
    get [valueSymbol]() {
      return output;
    },
  } as BatchOutput;
}
