import type { Model } from '../model/model-schema.js';
import { predictRecords, type PredictOptions, type Predictions } from './predict.js';
import { checkOptions } from '../core/options-check.js';
import { driftOptionsSchema, psiOptionsSchema } from './option-schemas.js';

export type DriftVerdict = 'stable' | 'moderate' | 'major';

/** The usual reading: below 0.10 stable, 0.10 to 0.25 a moderate shift worth a look, 0.25 and above a major shift (refit). */
export function driftVerdict(psi: number): DriftVerdict {
  return psi < 0.1 ? 'stable' : psi < 0.25 ? 'moderate' : 'major';
}

export interface PsiOptions {
  /** Number of reference-quantile bins (default 10); ignored when edges are given. */
  bins?: number;
  /** Interior bin edges: bin b holds edges[b−1] ≤ x < edges[b]. */
  edges?: readonly number[];
  /** Stands in for an empty bin's share so the logarithm stays finite (default 1e-4). */
  epsilon?: number;
}

export interface PsiResult {
  psi: number;
  verdict: DriftVerdict;
  edges: number[];
  expected: number[];
  actual: number[];
}

/**
 * Population stability index Σ (a − e) · ln(a / e) over bins cut at the
 * reference sample's quantiles. Repeated quantiles collapse, so a 0/1 flag
 * gets two bins rather than ten; a value most reference rows share (a
 * flag's 0, a rare signal's absence) always gets a bin of its own, so a
 * flag going from 5 % to 50 % is seen.
 */
export function psi(reference: ArrayLike<number>, current: ArrayLike<number>, given: PsiOptions = {}): PsiResult {
  const options = checkOptions(psiOptionsSchema, given, 'PSI options') as PsiOptions;
  return psiOf(reference, current, options);
}

function psiOf(reference: ArrayLike<number>, current: ArrayLike<number>, options: PsiOptions): PsiResult {
  if (reference.length === 0) throw new RangeError('PSI needs rows in the reference sample: it is empty');
  if (current.length === 0) throw new RangeError('PSI needs rows in the current sample: it is empty');
  const edges = options.edges !== undefined ? [...options.edges] : quantileCuts(reference, options.bins ?? 10);
  const eps = options.epsilon ?? 1e-4;
  const expected = shares(reference, edges);
  const actual = shares(current, edges);
  let total = 0;
  for (let b = 0; b < expected.length; b++) {
    const e = Math.max(eps, expected[b] as number);
    const a = Math.max(eps, actual[b] as number);
    total += (a - e) * Math.log(a / e);
  }
  return { psi: total, verdict: driftVerdict(total), edges, expected, actual };
}

function quantileCuts(values: ArrayLike<number>, bins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const cuts: number[] = [];
  for (let b = 1; b < bins; b++) {
    const q = sorted[Math.floor((b * sorted.length) / bins)] as number;
    if (cuts.length === 0 || q > (cuts[cuts.length - 1] as number)) cuts.push(q);
  }
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  // A cut at the minimum would leave the first bin empty in the reference.
  if (cuts.length > 0 && cuts[0] === min) cuts.shift();
  // The minimum held a tenth of the rows or more (a flag's 0, a sparse signal's absence): its own bin,
  // whatever the other quantiles say. A constant reference gets bins below, at and above its value.
  if (sorted[Math.floor(sorted.length / bins)] === min) {
    const above = nextUp(min);
    if (!(cuts[0] === above)) cuts.unshift(above);
    if (max === min) cuts.unshift(min);
  }
  return cuts;
}

/** The smallest double above x: x ≥ nextUp(min) means x > min. */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

function shares(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v >= (edges[mid] as number)) lo = mid + 1;
      else hi = mid;
    }
    counts[lo] = (counts[lo] as number) + 1;
  }
  return counts.map((c) => c / values.length);
}

export interface DriftReport {
  score: PsiResult;
  /** One entry per model column, largest PSI first. */
  columns: ({ column: string } & PsiResult)[];
}

/**
 * PSI of the score and of every model column between a reference sample
 * (typically the training data) and a current one. Labels are not needed.
 */
export function drift(model: Model, reference: readonly unknown[], current: readonly unknown[], given: PredictOptions & PsiOptions = {}): DriftReport {
  const options = checkOptions(driftOptionsSchema, given, 'drift options') as PredictOptions & PsiOptions;
  if (reference.length === 0) throw new RangeError('drift needs rows in the reference sample: it is empty');
  if (current.length === 0) throw new RangeError('drift needs rows in the current sample: it is empty');
  const binning: PsiOptions = { ...(options.bins !== undefined ? { bins: options.bins } : {}), ...(options.edges !== undefined ? { edges: options.edges } : {}), ...(options.epsilon !== undefined ? { epsilon: options.epsilon } : {}) };
  return driftOfPredictions(predictRecords(model, reference, false, options), predictRecords(model, current, false, options), binning);
}

/** The same report from two samples already scored (PredictionBuilder or predictRecords, with the same model). */
export function driftOfPredictions(before: Predictions, after: Predictions, binning: PsiOptions = {}): DriftReport {
  if (before.probabilities.length === 0) throw new RangeError('drift needs rows in the reference sample: it is empty');
  if (after.probabilities.length === 0) throw new RangeError('drift needs rows in the current sample: it is empty');
  const { cols, columns } = before.design;
  const columnResults = columns.map((column, j) => {
    const pick = (x: Float64Array, rows: number): Float64Array => {
      const out = new Float64Array(rows);
      for (let i = 0; i < rows; i++) out[i] = x[i * cols + j] as number;
      return out;
    };
    return { column, ...psiOf(pick(before.design.x, before.design.rows), pick(after.design.x, after.design.rows), binning) };
  });
  columnResults.sort((a, b) => b.psi - a.psi);
  return { score: psiOf(before.probabilities, after.probabilities, binning), columns: columnResults };
}
