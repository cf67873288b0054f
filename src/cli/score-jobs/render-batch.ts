import { batchItems, type RowBatch } from '../batch-input/row-batches.js';
import { emptyTally, renderItem, type ScoreContext } from '../score-batch/score-context.js';
import { Utf8Builder } from './utf8-builder.js';
import type { BatchOutput } from './worker-messages.js';

/**
 * A batch's output lines as UTF-8, row by row, on a worker thread or on the
 * main one: the same bytes either way. `reuse` is a written batch's buffer,
 * filled again instead of a new one.
 */
export function renderBatch(context: ScoreContext, batch: RowBatch, reuse?: ArrayBuffer): BatchOutput {
  const tally = emptyTally();
  const out = new Utf8Builder(reuse);
  for (const item of batchItems(batch)) out.append(renderItem(context, item, tally));
  return { bytes: out.bytes(), tally };
}
