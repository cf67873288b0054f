import { UsageError } from '../command.js';
import type { InputFormat } from './row-items.js';

/** `--input-format`, or the file's extension: .csv and .tsv are tables, anything else (and standard input) JSONL. */
export function inputFormatOf(file: string | undefined, forced: string | undefined): InputFormat {
  if (forced !== undefined) {
    if (forced === 'jsonl' || forced === 'csv' || forced === 'tsv') return forced;
    throw new UsageError(`--input-format must be jsonl, csv or tsv, got "${forced}"`);
  }
  if (file !== undefined && /\.csv$/i.test(file)) return 'csv';
  if (file !== undefined && /\.tsv$/i.test(file)) return 'tsv';
  return 'jsonl';
}
