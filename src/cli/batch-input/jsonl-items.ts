import type { Readable } from 'node:stream';
import { MAX_LINE_BYTES } from './line-chunks.js';
import { readLines, type InputLine } from '../read-lines.js';
import type { RowItem } from './row-items.js';

/** JSONL lines as row items: every line is one item, blank and over-long lines as problems in their place. */
export async function* jsonlItems(input: Readable): AsyncGenerator<RowItem> {
  for await (const line of readLines(input)) {
    const problem = jsonlProblem(line);
    yield problem === undefined ? { line: line.line, json: line.text } : { line: line.line, problem };
  }
}

export interface JsonlProblem {
  readonly code: 'line_too_long' | 'empty_line';
  readonly message: string;
}

/** Why a JSONL line is reported without being parsed: over the length limit, or blank. */
export function jsonlProblem({ text, bytes, tooLong }: InputLine): JsonlProblem | undefined {
  if (tooLong) return { code: 'line_too_long', message: `line of ${bytes} bytes is longer than the ${MAX_LINE_BYTES}-byte limit; skipped` };
  if (text.trim() === '') return { code: 'empty_line', message: 'empty line' };
  return undefined;
}
