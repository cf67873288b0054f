import { type CliIO, UsageError } from './command.js';
import { countedInput } from './batch-input/counted-input.js';
import { fillChannel, lacksChannel, noChannelMessage, type ChannelFill } from './channel-option.js';
import type { Progress } from './progress.js';
import { fieldColumnsHelp } from './interaction-columns.js';
import { wrapText } from './wrap-text.js';
import { formatOf, readRecords, type RecordSource } from './read-records.js';
import { InvalidRecordsError, type ThresholdCriterion } from '../calibrate.js';
import type { Model } from '../index.js';

export const INPUT_HELP = wrapText(`Input: CSV (a .csv file) or JSONL (anything else, or - for standard input);
--format csv|jsonl overrides. CSV needs a header row. These columns fill the
interaction (case, _ and - ignored): ${fieldColumnsHelp()}.
unresolved reads 1/0, true/false, yes/no, 是/否. Another column goes to
attributes.<column> (a number, true/false, or text) when a feature of the
model reads it (or --attribute names it); the rest are left out and listed on
stderr. An empty cell is an absent signal, scored at the model's reference
value. Labels: 1/0, true/false, yes/no, 是/否. JSONL lines are interaction
objects with the label (and weight) as extra keys.`);

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
 * rate, ETA by bytes) on stderr. A file in which no row has a channel, and
 * no --channel to give one, is refused in one message (at the header, for a
 * CSV) instead of a channel error per row.
 */
export async function readLabeled(file: string | undefined, io: CliIO, options: LabeledReadOptions, progress: Progress, stage: string): Promise<RecordSource> {
  const input = countedInput(file, io);
  progress.stage(stage, input.totalBytes);
  const source = await readRecords(input.stream, {
    format: formatOf(file, options.format),
    label: options.label,
    weight: options.weight,
    labelOptional: options.labelOptional ?? false,
    requireChannel: options.channel === undefined,
    ...(options.attributes !== undefined ? { attributes: options.attributes } : {}),
    onProgress: (rows) => progress.update(rows, { bytes: input.bytesRead() }),
  });
  const where = file === undefined || file === '-' ? 'standard input' : file;
  if (options.channel === undefined && source.records.length > 0 && source.records.every(lacksChannel)) throw new UsageError(noChannelMessage(where));
  if (options.channel !== undefined) source.records = source.records.map((r) => fillChannel(r, options.channel) as Record<string, unknown>);
  progress.say(`read ${source.records.length.toLocaleString('en')} rows from ${file ?? 'standard input'}`);
  if (source.ignoredColumns.length > 0) progress.say(`columns no feature reads, left out: ${source.ignoredColumns.join(', ')}`);
  return source;
}

/** Reader problems and invalid records, by file line; nothing is dropped silently. */
export function reportBadRows(io: CliIO, source: RecordSource, error?: InvalidRecordsError): number {
  const lines = [
    ...source.problems.map((p) => ({ line: p.line, message: p.message })),
    ...(error?.rows ?? []).map((r) => ({
      line: source.lines[r.index] ?? r.index,
      message: r.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    })),
  ].sort((a, b) => a.line - b.line);
  for (const { line, message } of lines.slice(0, 20)) io.stderr.write(`line ${line}: ${message}\n`);
  if (lines.length > 20) io.stderr.write(`… and ${lines.length - 20} more\n`);
  io.stderr.write(`${lines.length} invalid ${lines.length === 1 ? 'row' : 'rows'}: fix or remove them and run again (no row is skipped silently)\n`);
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

export function labelsOf(records: readonly Record<string, unknown>[]): Uint8Array {
  return Uint8Array.from(records, (r) => (r.label === true || r.label === 1 ? 1 : 0));
}

/** Attribute names a model's features read. */
export function attributeNames(model: Model): Set<string> {
  return new Set(model.features.flatMap((f) => (f.kind === 'attribute' ? [f.name] : [])));
}
