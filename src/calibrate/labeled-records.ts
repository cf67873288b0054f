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
    const record: unknown = records[i];
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      if (++badCount <= MAX_REPORTED_ROWS) bad.push({ index: i, issues: [{ path: '(root)', code: 'invalid_type', message: 'a record must be an object' }] });
      continue;
    }
    // Own properties only: a label or weight on Object.prototype is no record's.
    const { label: ownLabel, weight: ownWeight, ...rest } = record as Record<string, unknown>;
    const label = hasOwn(record, 'label') ? ownLabel : undefined;
    const weight = hasOwn(record, 'weight') ? ownWeight : undefined;
    const issues: InputIssue[] = [];
    if (needLabels) {
      if (label === true || label === 1) labels[i] = 1;
      else if (label === false || label === 0) labels[i] = 0;
      else issues.push({ path: 'label', code: 'invalid_label', message: `label must be true, false, 1 or 0, got ${describe(label)}` });
    }
    if (weight !== undefined) {
      if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
        issues.push({ path: 'weight', code: 'invalid_weight', message: `weight must be a finite number ≥ 0, got ${describe(weight)}` });
      else {
        weights ??= new Float64Array(n).fill(1);
        weights[i] = weight;
      }
    }
    const validated = validateInteraction(rest);
    if (!validated.ok) issues.push(...validated.error.issues);
    else interactions[i] = validated.value;
    if (issues.length > 0 && ++badCount <= MAX_REPORTED_ROWS) bad.push({ index: i, issues });
  }
  if (badCount > 0) throw new InvalidRecordsError(bad, badCount);
  return { interactions, labels, weights };
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
