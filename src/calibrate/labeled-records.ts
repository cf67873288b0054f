import type { Interaction, NormalizedInteraction } from '../schema/interaction-schema.js';
import { hasOwn } from '../core/own-properties.js';
import type { InputIssue } from '../core/types.js';
import { validateInteraction } from '../validate/validate-interaction.js';

/** One row of labelled history: an interaction and whether it led to a formal complaint. */
export type LabeledRecord = Interaction & { label: boolean | 0 | 1; weight?: number };
/** Rows to evaluate or fit on. */
export type LabeledRecords = readonly LabeledRecord[];

/** A rejected row: its index in the input array and what is wrong with it. */
export interface RecordIssue {
  index: number;
  issues: InputIssue[];
}

/**
 * Thrown when any row is invalid. Fitting on "the rows that happened to
 * parse" would silently change the population, so every bad row is named
 * and nothing is dropped.
 */
export class InvalidRecordsError extends Error {
  override name = 'InvalidRecordsError';
  /** The first MAX_REPORTED_ROWS bad rows, in order: ten million bad rows must not make a 2 GB error. */
  readonly rows: RecordIssue[];
  /** How many rows were invalid in all. */
  readonly count: number;
  constructor(rows: RecordIssue[], count = rows.length) {
    const shown = rows
      .slice(0, 5)
      .map((r) => `row ${r.index}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
      .join('\n  ');
    super(`${count} invalid ${count === 1 ? 'row' : 'rows'}:\n  ${shown}${count > 5 ? `\n  (and ${count - 5} more)` : ''}`);
    this.rows = rows.slice(0, MAX_REPORTED_ROWS);
    this.count = count;
  }
}

/** Bad rows an error lists (like an interaction's first 100 issues); the rest are counted. */
export const MAX_REPORTED_ROWS = 100;

export interface CheckedRecords {
  interactions: NormalizedInteraction[];
  /** 1 = complaint, 0 = none; empty when labels were not asked for. */
  labels: Uint8Array;
  /** Per-row weights, or undefined when no row carries one. */
  weights: Float64Array | undefined;
}

/**
 * Splits label and weight off each record and validates the rest with the
 * scorer's own validateInteraction, so fitting accepts exactly what scoring
 * accepts.
 */
export function checkRecords(records: readonly unknown[], needLabels: boolean): CheckedRecords {
  if (!Array.isArray(records)) throw new TypeError('records must be an array');
  const n = records.length;
  const interactions: NormalizedInteraction[] = new Array(n);
  const labels = new Uint8Array(needLabels ? n : 0);
  let weights: Float64Array | undefined;
  const bad: RecordIssue[] = [];
  let badCount = 0;
  for (let i = 0; i < n; i++) {
    const checked = checkRecord(records[i], needLabels);
    if (!checked.ok) {
      if (++badCount <= MAX_REPORTED_ROWS) bad.push({ index: i, issues: checked.issues });
      continue;
    }
    interactions[i] = checked.interaction;
    if (needLabels) labels[i] = checked.label;
    if (checked.weight !== undefined) {
      weights ??= new Float64Array(n).fill(1);
      weights[i] = checked.weight;
    }
  }
  if (badCount > 0) throw new InvalidRecordsError(bad, badCount);
  return { interactions, labels, weights };
}

/** One record checked: its interaction, label (0 when labels were not asked for) and weight, or what is wrong with it. */
export type CheckedRecord =
  | { readonly ok: true; readonly interaction: NormalizedInteraction; readonly label: 0 | 1; readonly weight: number | undefined }
  | { readonly ok: false; readonly issues: InputIssue[] };

/** Splits label and weight off one record and validates the rest as an interaction (see checkRecords). */
export function checkRecord(record: unknown, needLabels: boolean): CheckedRecord {
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return { ok: false, issues: [{ path: '(root)', code: 'invalid_type', message: 'a record must be an object' }] };
  // Own properties only: a label or weight on Object.prototype is no record's.
  const { label: ownLabel, weight: ownWeight, ...rest } = record as Record<string, unknown>;
  const label = hasOwn(record, 'label') ? ownLabel : undefined;
  const weight = hasOwn(record, 'weight') ? ownWeight : undefined;
  const issues: InputIssue[] = [];
  let bit: 0 | 1 = 0;
  if (needLabels) {
    if (label === true || label === 1) bit = 1;
    else if (!(label === false || label === 0)) issues.push({ path: 'label', code: 'invalid_label', message: `label must be true, false, 1 or 0, got ${describe(label)}` });
  }
  if (weight !== undefined && (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0))
    issues.push({ path: 'weight', code: 'invalid_weight', message: `weight must be a finite number ≥ 0, got ${describe(weight)}` });
  const validated = validateInteraction(rest);
  if (!validated.ok) issues.push(...validated.error.issues);
  if (issues.length > 0 || !validated.ok) return { ok: false, issues };
  return { ok: true, interaction: validated.value, label: bit, weight: weight as number | undefined };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}
