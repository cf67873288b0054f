import type { InputLine } from '../read-lines.js';
import { jsonlProblem, type JsonlProblem } from './jsonl-items.js';
import type { RowItem } from './row-items.js';

/** Consecutive rows, in input order: the JSONL lines of one input chunk, or a group of table rows. */
export type RowBatch = { readonly lines: readonly InputLine[] } | { readonly items: readonly RowItem[] };

/**
 * A batch as it travels to a worker thread. JSONL lines go packed as UTF-8
 * in one buffer with the end offset of each line, moved to the worker
 * without a copy: hundreds of small strings would each be copied, and one
 * joined string of a chunk's size would be a large V8 object, which costs a
 * full garbage collection every few batches. Table rows go as items.
 */
export type PackedBatch =
  | {
      readonly firstLine: number;
      /** Consecutive lines as UTF-8; line i is bytes [ends[i − 1], ends[i]); a refused line is empty and listed in `problems`. */
      readonly bytes: Uint8Array;
      readonly ends: Int32Array;
      readonly problems: readonly { readonly index: number; readonly problem: JsonlProblem }[];
    }
  | { readonly items: readonly RowItem[] };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function packBatch(batch: RowBatch): PackedBatch {
  if ('items' in batch) return batch;
  const problems: { index: number; problem: JsonlProblem }[] = [];
  const ends = new Int32Array(batch.lines.length);
  let size = 0;
  for (const line of batch.lines) size += line.text.length * 3; // a UTF-16 unit is at most 3 bytes of UTF-8
  const bytes = new Uint8Array(size);
  let at = 0;
  batch.lines.forEach((line, index) => {
    const problem = jsonlProblem(line);
    if (problem === undefined) at += encoder.encodeInto(line.text, bytes.subarray(at)).written;
    else problems.push({ index, problem });
    ends[index] = at;
  });
  return { firstLine: (batch.lines[0] as InputLine).line, bytes, ends, problems };
}

/** What moves to the worker instead of being copied. */
export function transferables(batch: PackedBatch): ArrayBuffer[] {
  return 'items' in batch ? [] : [batch.bytes.buffer as ArrayBuffer, batch.ends.buffer as ArrayBuffer];
}

/** The row items of a batch, packed or not, exactly as `jsonlItems` or `tableItems` read them row by row. */
export function batchItems(batch: RowBatch | PackedBatch): RowItem[] {
  if ('items' in batch) return batch.items as RowItem[];
  if ('lines' in batch)
    return batch.lines.map((line) => {
      const problem = jsonlProblem(line);
      return problem === undefined ? { line: line.line, json: line.text } : { line: line.line, problem };
    });
  const { bytes, ends, firstLine } = batch;
  const items: RowItem[] = new Array(ends.length);
  for (let i = 0, start = 0; i < ends.length; i++) {
    const end = ends[i] as number;
    items[i] = { line: firstLine + i, json: decoder.decode(bytes.subarray(start, end)) };
    start = end;
  }
  for (const { index, problem } of batch.problems) items[index] = { line: firstLine + index, problem };
  return items;
}
