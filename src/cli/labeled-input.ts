import { type CliIO, UsageError } from './command.js';
import { countedInput } from './batch-input/counted-input.js';
import { fillChannel, lacksChannel, noChannelMessage, type ChannelFill } from './channel-option.js';
import type { Progress } from './progress.js';
import { writeMessage } from './write-output.js';
import { terminalSafe } from './terminal-safe.js';
import { fieldColumnsHelp } from './interaction-columns.js';
import { wrapText } from './wrap-text.js';
import { formatOf, readRecords, type RecordSource } from './read-records.js';
import { type InvalidRecordsError, MAX_REPORTED_ROWS, type ThresholdCriterion } from '../calibrate.js';
import type { Model } from '../index.js';

/** The input section of fit's and evaluate's --help; only fit takes --attribute. */
export function inputHelp(command: 'fit' | 'evaluate'): string {
  return wrapText(`Input: CSV (a .csv file), TSV (a .tsv file: tab-separated, same quoting) or
JSONL (anything else, or - for standard input); --format csv|tsv|jsonl
overrides. CSV and TSV need a header row; number cells are plain decimals
(12, -3.5, 1.2E+06). A quote that never closes is an error at its line. These columns fill the
interaction (case, _ and - ignored): ${fieldColumnsHelp()}.
unresolved reads 1/0, true/false, yes/no, 是/否. Another column goes to
attributes.<column> (a number, true/false, or text) when a feature of the
model reads it${command === 'fit' ? ' (or --attribute names it)' : ''}; the rest are left out and listed on
stderr. An empty cell is an absent signal, scored at the model's reference
value. Labels: 1/0, true/false, yes/no, 是/否. JSONL lines are interaction
objects with the label (and weight) as extra keys.`);
}

export interface LabeledReadOptions {
  label?: string | undefined;
  weight?: string | undefined;
  format?: string | undefined;
  labelOptional?: boolean;
  attributes?: ReadonlySet<string>;
  /** --channel or --default-channel, applied to every record before validation. */
  channel?: ChannelFill | undefined;
}

/**
 * Reads labelled (or unlabelled) records from FILE, with progress (rows,
 * rate, ETA by bytes) on stderr, and hands each one (channel filled in) to
 * `onRecord` with its file line instead of keeping it: the caller turns it
 * into typed columns and drops it. A file in which no row has a channel, and
 * no --channel to give one, is refused in one message (at the header, for a
 * CSV) instead of a channel error per row.
 */
export async function streamLabeled(
  file: string | undefined,
  io: CliIO,
  options: LabeledReadOptions,
  progress: Progress,
  stage: string,
  onRecord: (record: Record<string, unknown>, line: number) => void,
): Promise<RecordSource> {
  const input = countedInput(file, io);
  progress.stage(stage, input.totalBytes);
  let withChannel = 0;
  const source = await readRecords(input.stream, {
    format: formatOf(file, options.format),
    label: options.label,
    weight: options.weight,
    labelOptional: options.labelOptional ?? false,
    requireChannel: options.channel === undefined,
    ...(options.attributes !== undefined ? { attributes: options.attributes } : {}),
    onProgress: (rows) => progress.update(rows, { bytes: input.bytesRead() }),
    onRecord: (record, line) => {
      if (options.channel !== undefined) onRecord(fillChannel(record, options.channel) as Record<string, unknown>, line);
      else {
        if (!lacksChannel(record)) withChannel++;
        onRecord(record, line);
      }
    },
  });
  const where = file === undefined || file === '-' ? 'standard input' : file;
  if (options.channel === undefined && source.rowCount > 0 && withChannel === 0) throw new UsageError(noChannelMessage(where));
  progress.say(`read ${source.rowCount.toLocaleString('en')} rows from ${terminalSafe(where)}`);
  if (source.ignoredColumns.length > 0) progress.say(`columns no feature reads, left out: ${source.ignoredColumns.map(terminalSafe).join(', ')}`);
  return source;
}

/** Invalid records by file line as a streamed read collects them: the first MAX_REPORTED_ROWS and a count. */
export class BadLines {
  readonly kept: { line: number; message: string }[] = [];
  count = 0;

  add(line: number, issues: readonly { path: string; message: string }[]): void {
    if (++this.count <= MAX_REPORTED_ROWS) this.kept.push({ line, message: issueText(issues) });
  }
}

const issueText = (issues: readonly { path: string; message: string }[]): string => issues.map((i) => `${i.path}: ${i.message}`).join('; ');

/** Reader problems and invalid records, by file line; nothing is dropped silently. The first 20 are shown, all are counted. */
export function reportBadRows(io: CliIO, source: RecordSource, error: InvalidRecordsError | BadLines): number {
  // Rows the reader could not read, and rows it read that are invalid, are told in one go.
  const invalid = error instanceof BadLines ? error.kept : error.rows.map((r) => ({ line: source.lines[r.index] ?? r.index, message: issueText(r.issues) }));
  const lines = [...source.problems.map((p) => ({ line: p.line, message: p.message })), ...invalid].sort((a, b) => a.line - b.line);
  const total = source.problemCount + error.count;
  for (const { line, message } of lines.slice(0, 20)) writeMessage(io.stderr, `line ${line}: ${terminalSafe(message)}\n`);
  if (total > 20) writeMessage(io.stderr, `… and ${(total - Math.min(20, lines.length)).toLocaleString('en')} more\n`);
  writeMessage(io.stderr, `${total.toLocaleString('en')} invalid ${total === 1 ? 'row' : 'rows'}: fix or remove them and run again (no row is skipped silently)\n`);
  return 1;
}

/** `recall:0.8`, `precision:0.5`, `cost:200/20[/0.6]`, `capacity:50/1000`. */
export function parseCriterion(option: string, value: string): ThresholdCriterion {
  const [kind, rest = ''] = value.split(':', 2);
  const numbers = rest.split('/').map(Number);
  const bad = (): never => {
    throw new UsageError(`--${option} must be recall:R, precision:P, cost:COMPLAINT/INTERVENTION[/EFFECTIVENESS] or capacity:N/VOLUME, got "${value}"`);
  };
  if (rest === '' || numbers.some((n) => !Number.isFinite(n))) bad();
  const [a, b, c] = numbers as [number, number | undefined, number | undefined];
  switch (kind) {
    case 'recall':
      return { recall: a };
    case 'precision':
      return { precision: a };
    case 'cost':
      if (b === undefined) bad();
      return { complaintCost: a, interventionCost: b as number, ...(c !== undefined ? { effectiveness: c } : {}) };
    case 'capacity':
      return { capacity: a, ...(b !== undefined ? { volume: b } : {}) };
    default:
      return bad();
  }
}

/** Attribute names a model's features read. */
export function attributeNames(model: Model): Set<string> {
  return new Set(model.features.flatMap((f) => (f.kind === 'attribute' ? [f.name] : [])));
}
