import type { Readable } from 'node:stream';
import { UsageError } from './command.js';
import { MAX_LINE_BYTES } from './batch-input/line-chunks.js';

/**
 * End of file inside a quoted field: the quote opened on `line` never
 * closes, so everything after it would be read as one cell. Nothing after
 * that line can be told apart, so the reader stops and says where.
 */
export class UnclosedQuoteError extends Error {
  override name = 'UnclosedQuoteError';
  constructor(readonly line: number) {
    super(`a quoted field opens on line ${line} and never closes: the file ends inside it (a stray " ?); nothing after line ${line} was read`);
  }
}

/**
 * RFC 4180 rows from a text stream: quoted fields may hold the delimiter
 * (a comma, or a tab for TSV), doubled quotes and line breaks. `line` is the
 * line the row starts on (1-based), so errors point at what a spreadsheet
 * user sees. Streams chunk by chunk.
 */
export async function* csvRows(input: Readable, maxRowChars = MAX_LINE_BYTES, delimiter: ',' | '\t' = ','): AsyncGenerator<{ line: number; fields: string[] }> {
  const separator = delimiter.charCodeAt(0);
  // Decodes across chunk boundaries: a 64 KB chunk may end inside a Chinese character.
  const decoder = new TextDecoder('utf-8');
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let first = true;
  let pendingCR = false;
  let quoteLine = 0;
  for await (const raw of input) {
    let chunk = typeof raw === 'string' ? raw : decoder.decode(raw as Buffer, { stream: true });
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (quoted) {
        if (c === 0x22) {
          field += chunk.slice(start, i);
          start = i + 1;
          if (chunk.charCodeAt(i + 1) === 0x22) {
            field += '"';
            i++;
            start = i + 1;
          } else {
            // At a chunk's end the next chunk may still double this quote: afterQuote remembers.
            quoted = false;
            afterQuote = true;
          }
        } else if (c === 0x0a) line++;
        continue;
      }
      if (afterQuote && c === 0x22 && start === i) {
        // The doubled quote was split across chunks.
        field += '"';
        quoted = true;
        afterQuote = false;
        start = i + 1;
        continue;
      }
      afterQuote = false;
      if (pendingCR) {
        pendingCR = false;
        if (c === 0x0a) {
          start = i + 1;
          continue;
        }
      }
      if (c === separator) {
        fields.push(field + chunk.slice(start, i));
        field = '';
        start = i + 1;
      } else if (c === 0x0a || c === 0x0d) {
        fields.push(field + chunk.slice(start, i));
        field = '';
        start = i + 1;
        pendingCR = c === 0x0d;
        line++;
        if (!(fields.length === 1 && fields[0] === '')) yield { line: rowLine, fields };
        fields = [];
        rowLine = line;
      } else if (c === 0x22 && start === i && field === '') {
        quoted = true;
        quoteLine = line;
        start = i + 1;
      }
    }
    field += chunk.slice(start);
    // An unclosed quote would otherwise swallow the rest of the file into one field.
    let rowChars = field.length;
    for (const f of fields) rowChars += f.length;
    if (rowChars > maxRowChars) throw new UsageError(`CSV row starting at line ${rowLine} is longer than ${maxRowChars} characters (an unclosed quote?)`);
  }
  const tail = decoder.decode();
  if (tail !== '') field += tail;
  if (quoted) throw new UnclosedQuoteError(quoteLine);
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    yield { line: rowLine, fields };
  }
}
