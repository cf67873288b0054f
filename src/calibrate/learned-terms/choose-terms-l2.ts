import { solveSparseLogistic, type SparseLogisticFit, type SparseLogisticProblem, type SparseStart } from '../sparse-solver.js';
import { seededRandom } from '../seeded-random.js';
import { termLogOdds } from './term-log-odds.js';
import { problemRows } from './problem-rows.js';

/** Ridge strengths tried for the term weights, strongest first (each fit warm-starts the next). */
export const TERMS_L2_GRID: readonly number[] = [32, 16, 8, 4, 2, 1, 0.5];
/** Folds of the choice: three keeps the cost at three fits per strength. */
const FOLDS = 3;
/** A looser tolerance than the final fit's: the choice needs the held-out loss, not the last digits of the weights. */
const CHOICE_TOLERANCE = 1e-6;
/** Above this many rows the choice runs on an evenly spread sample of them: the best strength barely moves with more. */
const MAX_CHOICE_ROWS = 100_000;

export interface TermsL2Choice {
  readonly l2: number;
  /** Mean held-out log loss per row for every strength tried, strongest first (the grid up to the first rise after the best). */
  readonly path: readonly { readonly l2: number; readonly logLoss: number }[];
  /** The folds' fits at the chosen strength, averaged: where the fit on all the rows starts. */
  readonly start: SparseStart;
}

/**
 * The term weights' ridge strength by stratified k-fold cross-validation on
 * the training rows: the strength whose held-out log loss is lowest. The
 * dense weights keep their own (given) strength throughout.
 *
 * The grid is walked from the strongest penalty down, every fold one step
 * at a time (each warm from its fit at the previous strength), and the walk
 * stops at the first strength whose held-out loss is above the best so far:
 * the held-out loss along a ridge path falls to one minimum and rises after
 * it, and the weaker penalties past the rise are the costliest fits of the
 * grid (their weights travel furthest).
 */
export function chooseTermsL2(problem: SparseLogisticProblem, l2Dense: number, seed = 1): TermsL2Choice {
  const { sample, folds } = assignFolds(problem, seed);
  // The sampled rows, contiguous: the folds are row subsets of this copy.
  const rows = sample.length === problem.rows ? problem : problemRows(problem, sample);
  const trainRows: Int32Array[] = [];
  const testRows: Int32Array[] = [];
  let weightSum = 0;
  for (let f = 0; f < FOLDS; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let r = 0; r < folds.length; r++) (folds[r] === f ? test : train).push(r);
    trainRows.push(Int32Array.from(train));
    testRows.push(Int32Array.from(test));
    for (const r of test) weightSum += rows.weights === undefined ? 1 : (rows.weights[r] as number);
  }
  const previous: (SparseLogisticFit | undefined)[] = new Array(FOLDS).fill(undefined);
  const path: { l2: number; logLoss: number }[] = [];
  let best: { l2: number; logLoss: number } | undefined;
  let start: SparseStart | undefined;
  for (const l2 of TERMS_L2_GRID) {
    let loss = 0;
    for (let f = 0; f < FOLDS; f++) {
      const fit = solveSparseLogistic({ ...rows, rowIndex: trainRows[f] }, { l2Dense, l2Sparse: l2, tolerance: CHOICE_TOLERANCE, start: previous[f], constantColumns: 'drop' });
      previous[f] = fit;
      loss += heldOutLoss(rows, fit, testRows[f] as Int32Array);
    }
    const point = { l2, logLoss: loss / weightSum };
    path.push(point);
    if (best === undefined || point.logLoss < best.logLoss) {
      best = point;
      start = meanFit(previous as SparseLogisticFit[]);
    } else break;
  }
  return { l2: (best as { l2: number }).l2, path, start: start as SparseStart };
}

/** The folds' fits averaged, weight by weight. */
function meanFit(fits: readonly SparseLogisticFit[]): SparseStart {
  const first = fits[0] as SparseLogisticFit;
  const dense = new Float64Array(first.dense.length);
  const sparse = new Float64Array(first.sparse.length);
  let intercept = 0;
  for (const fit of fits) {
    intercept += fit.intercept / fits.length;
    for (let j = 0; j < dense.length; j++) dense[j] = (dense[j] as number) + (fit.dense[j] as number) / fits.length;
    for (let k = 0; k < sparse.length; k++) sparse[k] = (sparse[k] as number) + (fit.sparse[k] as number) / fits.length;
  }
  return { intercept, dense, sparse };
}

/** Summed weighted log loss of the fit on the given rows. */
function heldOutLoss(problem: SparseLogisticProblem, fit: SparseLogisticFit, rows: Int32Array): number {
  let total = 0;
  for (const i of rows) {
    const eta = termLogOdds(problem, fit, i);
    const w = problem.weights === undefined ? 1 : (problem.weights[i] as number);
    // log(1 + e^−η) for a complaint, log(1 + e^η) otherwise, without overflow.
    const z = problem.y[i] === 1 ? -eta : eta;
    total += w * (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
  }
  return total;
}

/**
 * The rows of the choice (all, or an evenly spread sample of a large set),
 * ascending, and the stratified fold of each (complaints and the rest each
 * dealt round robin after a seeded shuffle).
 */
function assignFolds(problem: SparseLogisticProblem, seed: number): { sample: Int32Array; folds: Int32Array } {
  const random = seededRandom(seed);
  const stride = Math.max(1, Math.ceil(problem.rows / MAX_CHOICE_ROWS));
  const sample = new Int32Array(Math.ceil(problem.rows / stride));
  for (let r = 0; r < sample.length; r++) sample[r] = r * stride;
  const folds = new Int32Array(sample.length);
  for (const cls of [0, 1]) {
    const members: number[] = [];
    for (let r = 0; r < sample.length; r++) if ((problem.y[sample[r] as number] === 1 ? 1 : 0) === cls) members.push(r);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j] as number, members[i] as number];
    }
    members.forEach((r, k) => (folds[r] = k % FOLDS));
  }
  return { sample, folds };
}
