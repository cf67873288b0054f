import type { CliIO } from '../command.js';
import { countedInput } from './counted-input.js';
import { csvRows } from '../csv-rows.js';
import { jsonlItems } from './jsonl-items.js';
import { readLineChunks } from './line-chunks.js';
import type { RowBatch } from './row-batches.js';
import { batches, type BatchLimits } from './batches.js';
import { tsvRows } from './tsv-rows.js';
import { tableItems, type TableMapping } from './table-items.js';
import { itemChars, type InputFormat, type RowItem } from './row-items.js';

/** An input read either row by row or in batches for worker threads (one of the two, once). */
export interface RowInput {
  items(): AsyncIterable<RowItem>;
  /** `buffer(size)`: memory for a JSONL chunk's bytes, such as a buffer a worker has handed back. */
  batches(limits: BatchLimits, buffer?: (size: number) => Uint8Array): AsyncIterable<RowBatch>;
  /** Bytes read from the input so far (for progress). */
  bytesRead(): number;
  /** The input's size when it is a regular file (a FILE, or standard input redirected from one). */
  readonly totalBytes: number | undefined;
}

/** The rows of FILE (or standard input) as row items, in the given format; see tableItems for the CSV/TSV header. */
export function openRowItems(file: string | undefined, io: CliIO, format: InputFormat, mapping: TableMapping): RowInput {
  const { stream, bytesRead, totalBytes } = countedInput(file, io);
  const items = (): AsyncGenerator<RowItem> => (format === 'jsonl' ? jsonlItems(stream) : tableItems(format === 'csv' ? csvRows(stream) : tsvRows(stream), mapping));
  return {
    items,
    // JSONL goes a chunk of lines at a time (no timer: each chunk is what has arrived); table rows in timed groups.
    batches: (limits, buffer) => (format === 'jsonl' ? readLineChunks(stream, undefined, buffer) : itemGroups(items(), limits)),
    bytesRead,
    totalBytes,
  };
}

async function* itemGroups(items: AsyncIterable<RowItem>, limits: BatchLimits): AsyncGenerator<RowBatch> {
  for await (const group of batches(items, itemChars, limits)) yield { items: group };
}
