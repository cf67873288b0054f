import type { Readable } from 'node:stream';
import { readLines } from '../read-lines.js';

/**
 * Rows of a tab-separated file (IANA text/tab-separated-values): one row per
 * line, fields split on tabs, no quoting, so a field never holds a tab or a
 * line break. LF or CRLF endings and a UTF-8 BOM are handled by the line
 * reader, which never holds more than one line: a line over its limit comes
 * back with `fields: undefined`, for the caller to report in its place.
 * Blank lines are skipped, as csvRows skips them.
 */
export async function* tsvRows(input: Readable): AsyncGenerator<{ line: number; fields: string[] | undefined }> {
  for await (const { line, text, tooLong } of readLines(input)) {
    if (tooLong) yield { line, fields: undefined };
    else if (text !== '') yield { line, fields: text.split('\t') };
  }
}
