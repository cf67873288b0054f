import type { InputIssueCode } from '../../index.js';

/**
 * One input row on its way to being scored, as plain data: the main thread
 * reads and numbers rows, and a worker thread (or the main thread itself
 * with one job) turns each into exactly one output line.
 */
export type RowItem =
  /** A JSONL line, parsed where it is scored. */
  | { readonly line: number; readonly json: string }
  /** A CSV/TSV row, already mapped from the header to an object. */
  | { readonly line: number; readonly row: Record<string, unknown>; readonly chars: number }
  /** A row the reader refused (blank, too long, wrong number of fields): reported in its place. */
  | { readonly line: number; readonly problem: { readonly code: InputIssueCode; readonly message: string } };

/** About how much text an item holds (bounds what a batch carries to a worker). */
export function itemChars(item: RowItem): number {
  return 'json' in item ? item.json.length : 'row' in item ? item.chars : 0;
}

/** The input formats `score` and `explain` read. */
export type InputFormat = 'jsonl' | 'csv' | 'tsv';
