import { jsonlProblem } from './jsonl-items.js';
import type { LineChunk } from './line-chunks.js';
import type { RowItem } from './row-items.js';

/**
 * Consecutive rows, in input order: the JSONL lines of one input chunk as
 * raw UTF-8, or a group of table rows. Both travel to a worker thread as
 * they are; a chunk's buffers are moved, not copied, so the main thread
 * neither decodes nor copies lines that another thread scores, and no
 * chunk-sized string ever sits in a V8 heap.
 */
export type RowBatch = LineChunk | { readonly items: readonly RowItem[] };

/** What moves to the worker instead of being copied. */
export function transferables(batch: RowBatch): ArrayBuffer[] {
  return 'items' in batch ? [] : [batch.bytes.buffer as ArrayBuffer, batch.ends.buffer as ArrayBuffer];
}

// BOMs inside lines are data (only line 1's was taken off, by the reader): keep them.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The row items of a batch, exactly as jsonlItems or tableItems give them row by row. */
export function batchItems(batch: RowBatch): RowItem[] {
  if ('items' in batch) return batch.items as RowItem[];
  const { bytes, ends, firstLine } = batch;
  const tooLong = new Map(batch.tooLong.map((t) => [t.index, t.bytes]));
  const items: RowItem[] = new Array(ends.length);
  for (let i = 0, start = 0; i < ends.length; i++) {
    const end = ends[i] as number;
    const line = firstLine + i;
    const longBytes = tooLong.get(i);
    const text = longBytes === undefined ? decoder.decode(bytes.subarray(start, end)) : '';
    const problem = jsonlProblem({ line, text, bytes: longBytes ?? end - start, tooLong: longBytes !== undefined });
    items[i] = problem === undefined ? { line, json: text } : { line, problem };
    start = end;
  }
  return items;
}
