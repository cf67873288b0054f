import { solveSparseLogistic, type SparseLogisticFit, type SparseLogisticProblem, type SparseStart } from '../sparse-solver.js';
import type { MatrixFit } from '../fit-matrix.js';
import { keepColumns, type CandidateVocabulary } from './select-candidates.js';
import { chooseTermsL2, type TermsL2Choice } from './choose-terms-l2.js';
import { denseStandardErrors } from './dense-standard-errors.js';

export interface TermsFitOptions {
  readonly l2Dense: number;
  /** The term weights' ridge strength; chosen by cross-validation when absent. */
  readonly l2Terms: number | undefined;
  /** Most terms the model keeps: the largest |weight| of the full fit, refitted alone. */
  readonly maxTerms: number;
  readonly minDocuments: number;
  readonly constantColumns: 'drop' | 'error';
  readonly standardErrors: 'model' | 'robust';
  readonly maxIterations: number | undefined;
  readonly tolerance: number | undefined;
  readonly denseNames: readonly string[];
  readonly onIteration: ((event: { iteration: number; gradientNorm: number; objective: number }) => void) | undefined;
}

export interface TermsFit {
  /** The dense part, shaped as the dense solver reports it (standard errors conditional on the term weights). */
  readonly dense: MatrixFit;
  /** The learned terms and their weights, strongest first, and how many training records each occurs in. */
  readonly terms: readonly { readonly term: string; readonly weight: number; readonly documents: number }[];
  /** The terms' sum for every training row (what the scorer's `terms` column holds). */
  readonly rowTermSums: Float64Array;
  readonly l2Terms: number;
  /** The cross-validated choice of l2Terms, when it was not given. */
  readonly choice: TermsL2Choice | undefined;
  /** Candidates before pruning to maxTerms. */
  readonly candidates: number;
  /** The fewest distinct records a learned term occurs in (the privacy floor the vocabulary was chosen with). */
  readonly minDocuments: number;
}

/**
 * The tolerance of a full fit whose weights only rank the candidates: the
 * choice of l2's, as loose for the same reason (a weight off by its last
 * digits keeps its rank), and most of a full fit's time goes to the last
 * two Newton steps below it.
 */
const RANKING_TOLERANCE = 1e-6;

/** A term whose fitted weight is this small moves no score: it is left out of the model file. */
const NEGLIGIBLE_WEIGHT = 1e-3;

/**
 * Learns the term weights jointly with the dense signals (so the lexicon
 * columns keep what the vocabulary does not cover): one penalised fit over
 * every candidate, then the `maxTerms` strongest refitted alone, warm from
 * the full fit, at the same strengths.
 */
export function fitWithTerms(problem: Omit<SparseLogisticProblem, 'sparse'>, vocabulary: CandidateVocabulary, options: TermsFitOptions): TermsFit {
  const full: SparseLogisticProblem = { ...problem, sparse: vocabulary.matrix };
  const choice = options.l2Terms === undefined ? chooseTermsL2(full, options.l2Dense) : undefined;
  const l2Terms = options.l2Terms ?? (choice as TermsL2Choice).l2;
  const solve = (p: SparseLogisticProblem, start?: SparseStart, tolerance = options.tolerance): SparseLogisticFit =>
    solveSparseLogistic(p, {
      l2Dense: options.l2Dense,
      l2Sparse: l2Terms,
      start,
      constantColumns: options.constantColumns,
      denseNames: options.denseNames,
      maxIterations: options.maxIterations,
      tolerance,
      onIteration: options.onIteration,
    });
  // More candidates than the model keeps: this fit only ranks them and warm-starts the refit, which converges fully.
  const ranking = vocabulary.terms.length > options.maxTerms;
  let fit = solve(full, choice?.start, ranking ? Math.max(options.tolerance ?? 0, RANKING_TOLERANCE) : options.tolerance);
  let kept = strongest(fit.sparse, options.maxTerms);
  let problemKept = full;
  if (kept.length < vocabulary.terms.length) {
    const columnOf = new Int32Array(vocabulary.terms.length).fill(-1);
    kept.forEach((column, k) => (columnOf[column] = k));
    problemKept = { ...problem, sparse: keepColumns(vocabulary.matrix.rowStart, vocabulary.matrix.column, columnOf, kept.length) };
    fit = solve(problemKept, { intercept: fit.intercept, dense: fit.dense, sparse: Float64Array.from(kept, (c) => fit.sparse[c] as number) });
  }
  // The model file holds four decimals (a change of < 5e-5 log-odds per term); the training sums use the same figures.
  const shipped = Float64Array.from(fit.sparse, (w) => Math.round(w * 1e4) / 1e4);
  const terms = kept
    .map((column, k) => ({ term: vocabulary.terms[column] as string, weight: shipped[k] as number, documents: vocabulary.documents[column] as number }))
    .filter((t) => t.weight !== 0)
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  const errors = denseStandardErrors(problem, fit, termSums(problemKept, fit.sparse), options.standardErrors);
  return { dense: asMatrixFit(fit, errors), terms, rowTermSums: termSums(problemKept, shipped), l2Terms, choice, candidates: vocabulary.terms.length, minDocuments: options.minDocuments };
}

/** Columns of the `max` largest |weight| above the negligible, in column order. */
function strongest(weights: Float64Array, max: number): number[] {
  const order: number[] = [];
  for (let c = 0; c < weights.length; c++) if (Math.abs(weights[c] as number) >= NEGLIGIBLE_WEIGHT) order.push(c);
  if (order.length > max) {
    order.sort((a, b) => Math.abs(weights[b] as number) - Math.abs(weights[a] as number) || a - b);
    order.length = max;
    order.sort((a, b) => a - b);
  }
  return order;
}

function termSums(problem: SparseLogisticProblem, weights: Float64Array): Float64Array {
  const { rowStart, column } = problem.sparse;
  const out = new Float64Array(problem.rows);
  for (let i = 0; i < problem.rows; i++) {
    let sum = 0;
    for (let k = rowStart[i] as number; k < (rowStart[i + 1] as number); k++) sum += weights[column[k] as number] as number;
    out[i] = sum;
  }
  return out;
}

/** The dense weights of a joint fit as the dense solver reports them; their errors are conditional on the term weights. */
function asMatrixFit(fit: SparseLogisticFit, errors: { intercept: number; dense: Float64Array }): MatrixFit {
  return {
    intercept: fit.intercept,
    coefficients: Float64Array.from(fit.dense),
    interceptStandardError: errors.intercept,
    standardErrors: errors.dense,
    means: fit.means,
    sds: fit.sds,
    standardizedIntercept: NaN,
    standardizedCoefficients: Float64Array.from(fit.dense, (w, j) => w * (fit.sds[j] as number)),
    dropped: [...fit.dropped],
    iterations: fit.iterations,
    converged: fit.converged,
    gradientNorm: fit.gradientNorm,
    logLikelihood: fit.logLikelihood,
    nullLogLikelihood: fit.nullLogLikelihood,
    objective: fit.objective,
    totalWeight: fit.totalWeight,
    l2: fit.l2Dense,
  };
}
