import { solveSparseLogistic, type SparseLogisticFit, type SparseLogisticProblem } from '../sparse-solver.js';
import { seededRandom } from '../seeded-random.js';
import { termLogOdds } from './term-log-odds.js';

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
  /** Mean held-out log loss per row for every strength tried. */
  readonly path: readonly { readonly l2: number; readonly logLoss: number }[];
}

/**
 * The term weights' ridge strength by stratified k-fold cross-validation on
 * the training rows: the strength whose held-out log loss is lowest. The
 * dense weights keep their own (given) strength throughout.
 */
export function chooseTermsL2(problem: SparseLogisticProblem, l2Dense: number, seed = 1): TermsL2Choice {
  const folds = assignFolds(problem, seed);
  const loss = new Float64Array(TERMS_L2_GRID.length);
  let weightSum = 0;
  for (let f = 0; f < FOLDS; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < problem.rows; i++) {
      const fold = folds[i] as number;
      if (fold < 0) continue;
      (fold === f ? test : train).push(i);
    }
    const trainRows = Int32Array.from(train);
    let previous: SparseLogisticFit | undefined;
    TERMS_L2_GRID.forEach((l2, g) => {
      previous = solveSparseLogistic(
        { ...problem, rowIndex: trainRows },
        { l2Dense, l2Sparse: l2, tolerance: CHOICE_TOLERANCE, start: previous, constantColumns: 'drop' },
      );
      loss[g] = (loss[g] as number) + heldOutLoss(problem, previous, test);
    });
    for (const i of test) weightSum += problem.weights === undefined ? 1 : (problem.weights[i] as number);
  }
  const path = TERMS_L2_GRID.map((l2, g) => ({ l2, logLoss: (loss[g] as number) / weightSum }));
  let best = path[0] as (typeof path)[number];
  for (const p of path) if (p.logLoss < best.logLoss) best = p;
  return { l2: best.l2, path };
}

/** Summed weighted log loss of the fit on the given rows. */
function heldOutLoss(problem: SparseLogisticProblem, fit: SparseLogisticFit, rows: readonly number[]): number {
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
 * Stratified fold of every row (complaints and the rest each dealt round
 * robin after a seeded shuffle); -1 for rows left out of a large set's sample.
 */
function assignFolds(problem: SparseLogisticProblem, seed: number): Int32Array {
  const random = seededRandom(seed);
  const fold = new Int32Array(problem.rows).fill(-1);
  const stride = Math.max(1, Math.ceil(problem.rows / MAX_CHOICE_ROWS));
  for (const cls of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < problem.rows; i += stride) if ((problem.y[i] === 1 ? 1 : 0) === cls) members.push(i);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j] as number, members[i] as number];
    }
    members.forEach((row, r) => (fold[row] = r % FOLDS));
  }
  return fold;
}
