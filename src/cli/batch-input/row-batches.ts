import type { InputLine } from '../read-lines.js';
import { jsonlProblem, type JsonlProblem } from './jsonl-items.js';
import type { RowItem } from './row-items.js';

/** Consecutive rows, in input order: the JSONL lines of one input chunk, or a group of table rows. */
export type RowBatch = { readonly lines: readonly InputLine[] } | { readonly items: readonly RowItem[] };

/**
 * A batch as it travels to a worker thread. JSONL lines go packed (one
 * string joined by "\n", which no JSONL line contains, and the number of the
 * first line), because copying one string to another thread costs a
 * fraction of copying hundreds of small objects; table rows go as items.
 */
export type PackedBatch =
  | {
      readonly firstLine: number;
      /** `count` consecutive lines joined by "\n"; a refused line is '' here and listed in `problems`. */
      readonly joined: string;
      readonly count: number;
      readonly problems: readonly { readonly index: number; readonly problem: JsonlProblem }[];
    }
  | { readonly items: readonly RowItem[] };

export function packBatch(batch: RowBatch): PackedBatch {
  if ('items' in batch) return batch;
  const problems: { index: number; problem: JsonlProblem }[] = [];
  const texts = batch.lines.map((line, index) => {
    const problem = jsonlProblem(line);
    if (problem === undefined) return line.text;
    problems.push({ index, problem });
    return '';
  });
  return { firstLine: (batch.lines[0] as InputLine).line, joined: texts.join('\n'), count: batch.lines.length, problems };
}

/** The row items of a batch, packed or not, exactly as `jsonlItems` or `tableItems` read them row by row. */
export function batchItems(batch: RowBatch | PackedBatch): RowItem[] {
  if ('items' in batch) return batch.items as RowItem[];
  if ('lines' in batch)
    return batch.lines.map((line) => {
      const problem = jsonlProblem(line);
      return problem === undefined ? { line: line.line, json: line.text } : { line: line.line, problem };
    });
  const texts = batch.joined.split('\n');
  if (texts.length !== batch.count) throw new Error(`packed batch of ${batch.count} lines split into ${texts.length}`);
  const items: RowItem[] = texts.map((json, i) => ({ line: batch.firstLine + i, json }));
  for (const { index, problem } of batch.problems) items[index] = { line: batch.firstLine + index, problem };
  return items;
}
