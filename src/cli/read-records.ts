import type { Readable } from 'node:stream';
import { csvRows, UnclosedQuoteError } from './csv-rows.js';
import { MAX_LINE_BYTES } from './batch-input/line-chunks.js';
import { readLines } from './read-lines.js';
import { UsageError } from './command.js';
import { FIELD_BY_HEADER, booleanCell, decimalNumber, headerKey } from './interaction-columns.js';
import { isForbiddenKey } from '../index.js';
import { noChannelColumn } from './channel-option.js';

export interface RecordSource {
  /** Records in file order, label and weight on each (missing label left undefined for the library to report). */
  records: Record<string, unknown>[];
  /** The file line each record came from, for error messages. */
  lines: number[];
  /** Records read (kept in `records`, or handed to ReadOptions.onRecord). */
  rowCount: number;
  /** Problems the reader itself found (bad JSON, wrong number of CSV fields), by line: the first 100. */
  problems: { line: number; message: string }[];
  /** How many problems there were in all (a file of ten million bad lines keeps 100 messages, and this count). */
  problemCount: number;
  /** CSV columns that became `attributes` (not Interaction fields, label or weight). */
  attributeColumns: string[];
  /** CSV columns left out because no feature reads them (see ReadOptions.attributes). */
  ignoredColumns: string[];
}

/** CSV (comma-separated), TSV (tab-separated, same quoting) or JSONL. */
export type InputFormat = 'csv' | 'tsv' | 'jsonl';

export interface ReadOptions {
  format: InputFormat;
  label?: string | undefined;
  /**
   * The attribute names the model reads. When given, other extra CSV columns
   * are left out (and listed), so a wide export neither costs memory nor
   * trips the attribute limit; when absent, every extra column is kept.
   */
  attributes?: ReadonlySet<string>;
  /** A reference sample for drift may lack the label column. */
  labelOptional?: boolean;
  weight?: string | undefined;
  /** Refuse, at the header, a CSV that has no channel column (no --channel supplies one). */
  requireChannel?: boolean;
  onProgress?: (rows: number) => void;
  /**
   * Each record as it is read, with its file line: given, the records are
   * handed over one at a time and not kept (`records` and `lines` stay empty),
   * so a file of millions of rows is read in bounded memory.
   */
  onRecord?: (record: Record<string, unknown>, line: number) => void;
}

export function formatOf(file: string | undefined, forced: string | undefined): InputFormat {
  if (forced !== undefined) {
    if (forced === 'csv' || forced === 'tsv' || forced === 'jsonl') return forced;
    throw new UsageError(`--format must be csv, tsv or jsonl, got "${forced}"`);
  }
  if (file !== undefined && /\.csv$/i.test(file)) return 'csv';
  if (file !== undefined && /\.(tsv|tab)$/i.test(file)) return 'tsv';
  return 'jsonl';
}

/** Reads labelled (or unlabelled) history from CSV or JSONL; see each command's --help for the column mapping. */
export async function readRecords(input: Readable, options: ReadOptions): Promise<RecordSource> {
  return options.format === 'jsonl' ? readJsonl(input, options) : readCsv(input, options);
}

function labelValue(raw: unknown): unknown {
  if (typeof raw === 'string') {
    const v = booleanCell(raw);
    if (typeof v === 'boolean') return v ? 1 : 0;
  }
  return raw === '' ? undefined : raw;
}

function weightValue(raw: unknown): unknown {
  if (typeof raw === 'string' && raw.trim() !== '') return decimalNumber(raw) ?? raw;
  return raw === '' ? undefined : raw;
}

type ColumnRole =
  | { kind: 'field'; name: string; cell: (raw: string) => unknown }
  | { kind: 'label' }
  | { kind: 'weight' }
  | { kind: 'attribute'; name: string }
  | { kind: 'ignored' };

async function readCsv(input: Readable, options: ReadOptions): Promise<RecordSource> {
  const source: RecordSource = { records: [], lines: [], rowCount: 0, problems: [], problemCount: 0, attributeColumns: [], ignoredColumns: [] };
  let roles: ColumnRole[] | undefined;
  try {
    for await (const { line, fields } of csvRows(input, undefined, options.format === 'tsv' ? '\t' : ',')) {
      if (roles === undefined) roles = headerRoles(fields.map((f) => f.trim()), options, source.ignoredColumns);
      else readCsvRecord(line, fields, roles, source, options);
    }
  } catch (error) {
    // The rows before a stray quote are checked as usual; the file is still refused, naming the line.
    if (!(error instanceof UnclosedQuoteError)) throw error;
    addProblem(source, error.line, error.message);
  }
  source.attributeColumns = (roles ?? []).flatMap((r) => (r.kind === 'attribute' ? [r.name] : []));
  return source;
}

function headerRoles(header: string[], options: ReadOptions, ignoredColumns: string[]): ColumnRole[] {
  const forbidden = header.find(isForbiddenKey);
  if (forbidden !== undefined) throw new UsageError(`column name "${forbidden}" is not allowed`);
  const repeated = header.find((name, i) => header.indexOf(name) !== i);
  if (repeated !== undefined) throw new UsageError(`column "${repeated}" appears twice in the header`);
  if (header.length === 1 && options.format === 'csv' && header[0]?.includes('\t'))
    throw new UsageError('the header has tabs and no commas: this looks like TSV; name the file .tsv or pass --format tsv');
  const roles = header.map((name): ColumnRole => {
    if (name === options.label) return { kind: 'label' };
    if (name === options.weight) return { kind: 'weight' };
    const named = FIELD_BY_HEADER.get(headerKey(name));
    if (named !== undefined) return { kind: 'field', name: named.field, cell: named.column.cell };
    if (options.attributes !== undefined && !options.attributes.has(name)) {
      ignoredColumns.push(name);
      return { kind: 'ignored' };
    }
    return { kind: 'attribute', name };
  });
  if (options.requireChannel === true && !roles.some((r) => r.kind === 'field' && r.name === 'channel')) throw new UsageError(noChannelColumn(header));
  if (options.label !== undefined && !options.labelOptional && !header.includes(options.label))
    throw new UsageError(`no column "${options.label}" for --label; the columns are: ${header.join(', ')}`);
  if (options.weight !== undefined && !header.includes(options.weight))
    throw new UsageError(`no column "${options.weight}" for --weight; the columns are: ${header.join(', ')}`);
  return roles;
}

function readCsvRecord(line: number, fields: string[], roles: ColumnRole[], source: RecordSource, options: ReadOptions): void {
  if (fields.length !== roles.length) {
    addProblem(source, line, `${fields.length} fields where the header has ${roles.length}`);
    return;
  }
  const record: Record<string, unknown> = {};
  let attributes: Record<string, unknown> | undefined;
  fields.forEach((value, i) => {
    const role = roles[i] as ColumnRole;
    if (role.kind === 'label') record.label = labelValue(value);
    else if (role.kind === 'weight') {
      const w = weightValue(value);
      if (w !== undefined) record.weight = w;
    } else if (role.kind === 'ignored' || value === '') return; // an empty cell is an absent signal
    else if (role.kind === 'field') record[role.name] = role.cell(value);
    else (attributes ??= {})[role.name] = attributeValue(value);
  });
  if (attributes !== undefined) record.attributes = attributes;
  deliver(source, options, record, line);
}

/** Keeps the record, or hands it to onRecord; progress every 1,000 rows either way. */
function deliver(source: RecordSource, options: ReadOptions, record: Record<string, unknown>, line: number): void {
  source.rowCount++;
  if (options.onRecord !== undefined) options.onRecord(record, line);
  else {
    source.records.push(record);
    source.lines.push(line);
  }
  if (source.rowCount % 1_000 === 0) options.onProgress?.(source.rowCount);
}

export function attributeValue(value: string): number | boolean | string {
  const v = value.trim();
  if (v === 'true' || v === 'TRUE') return true;
  if (v === 'false' || v === 'FALSE') return false;
  return decimalNumber(v) ?? value;
}

async function readJsonl(input: Readable, options: ReadOptions): Promise<RecordSource> {
  const source: RecordSource = { records: [], lines: [], rowCount: 0, problems: [], problemCount: 0, attributeColumns: [], ignoredColumns: [] };
  for await (const { line, text, bytes, tooLong } of readLines(input)) {
    if (tooLong) {
      addProblem(source, line, `line of ${bytes} bytes is longer than the ${MAX_LINE_BYTES}-byte limit`);
      continue;
    }
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      addProblem(source, line, `invalid JSON: ${(cause as Error).message}`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      addProblem(source, line, 'each line must be a JSON object');
      continue;
    }
    const record = { ...(value as Record<string, unknown>) };
    const labelKey = options.label ?? 'label';
    if (labelKey in record) {
      const label = record[labelKey];
      delete record[labelKey];
      record.label = typeof label === 'boolean' || label === 0 || label === 1 ? label : labelValue(label);
    }
    const weightKey = options.weight ?? 'weight';
    if (weightKey in record) {
      const weight = record[weightKey];
      delete record[weightKey];
      const w = weightValue(weight);
      if (w !== undefined) record.weight = w;
    }
    deliver(source, options, record, line);
  }
  return source;
}

/** Problems kept as messages; the rest only counted. */
const MAX_PROBLEMS = 100;

function addProblem(source: RecordSource, line: number, message: string): void {
  if (++source.problemCount <= MAX_PROBLEMS) source.problems.push({ line, message });
}
