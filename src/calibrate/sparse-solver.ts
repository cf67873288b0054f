import { choleskyInverse, cholesky } from './cholesky.js';
import { classTotals, DegenerateDataError, solverScaling } from './checked-fit-data.js';
import { rawStandardErrors } from './coefficient-covariance.js';
import { evaluateLoss } from './logistic-loss.js';
import { createMixedLoss } from './mixed-logistic-loss.js';
import { checkSparseShape, type SparseLogisticProblem } from './sparse-problem.js';
import { rawParameters, standardizedParameters } from './standardized-scale.js';
import { minimizeTrustRegion, type TrustRegionProgress } from './trust-region-newton.js';

export type { BinaryCsr, SparseLogisticProblem } from './sparse-problem.js';
export type { TrustRegionProgress as SparseSolverProgress } from './trust-region-newton.js';

/** A solution on the raw scale, as a start: pass the previous fit of an l2 path (or of a neighbouring fold). */
export interface SparseStart {
  readonly intercept: number;
  readonly dense: ArrayLike<number>;
  readonly sparse: ArrayLike<number>;
}

export interface SparseSolverOptions {
  /** Ridge on the standardised dense weights, ½·l2Dense·‖θ‖², as the dense solver's l2. */
  readonly l2Dense: number;
  /** Ridge on the raw (0/1-scale) term weights, ½·l2Sparse·‖β‖². 0 lets a term seen only in one class run away. */
  readonly l2Sparse: number;
  /** Start here instead of at the intercept-only optimum. */
  readonly start?: SparseStart | undefined;
  /** Newton steps tried (default 200). */
  readonly maxIterations?: number | undefined;
  /** Converged when max |penalised gradient| ≤ tolerance × max(1, total weight) (default 1e-9, as the dense solver). */
  readonly tolerance?: number | undefined;
  /** 'drop' (default) holds a constant dense column at 0 and lists it; 'error' refuses. */
  readonly constantColumns?: 'drop' | 'error' | undefined;
  /** Dense column names for error messages. */
  readonly denseNames?: readonly string[] | undefined;
  readonly onIteration?: ((event: TrustRegionProgress) => void) | undefined;
}

export interface SparseLogisticFit {
  /** Raw-scale intercept and dense weights (what the scorer multiplies), and the raw term weights. */
  readonly intercept: number;
  readonly dense: Float64Array;
  readonly sparse: Float64Array;
  /** The dense standardisation the solver worked in (weighted over the rows taking part). */
  readonly means: Float64Array;
  readonly sds: Float64Array;
  /** Constant dense columns, held at 0. */
  readonly dropped: readonly number[];
  /** Accepted Newton steps, and Hessian–vector products (each one pass over the rows). */
  readonly iterations: number;
  readonly hessianProducts: number;
  readonly converged: boolean;
  /** Max |penalised gradient| at the solution (summed scale; dense part standardised, terms raw). */
  readonly gradientNorm: number;
  readonly logLikelihood: number;
  /** Log-likelihood of the intercept-only model on the same rows and weights. */
  readonly nullLogLikelihood: number;
  /** −logLikelihood + both penalties: what the solver minimised. */
  readonly objective: number;
  readonly totalWeight: number;
  readonly l2Dense: number;
  readonly l2Sparse: number;
  /**
   * Negative Hessian of the penalised log-likelihood in the intercept and
   * dense weights only, standardised scale, (denseCols + 1)² row-major,
   * intercept first, at the solution with the term weights held fixed.
   * Its inverse is the dense weights' covariance *conditional on the terms*
   * (see conditionalDenseStandardErrors), not their marginal covariance.
   */
  readonly denseHessian: Float64Array;
}

/**
 * Penalised logistic regression on dense + sparse binary columns by a
 * truncated Newton method (trust-region Newton-CG): memory and time per pass
 * grow with the non-zeros, not with the square of the vocabulary.
 */
export function solveSparseLogistic(problem: SparseLogisticProblem, options: SparseSolverOptions): SparseLogisticFit {
  const { l2Dense, l2Sparse } = options;
  if (!(l2Dense >= 0) || !Number.isFinite(l2Dense)) throw new RangeError(`l2Dense must be a finite number ≥ 0, got ${l2Dense}`);
  if (!(l2Sparse >= 0) || !Number.isFinite(l2Sparse)) throw new RangeError(`l2Sparse must be a finite number ≥ 0, got ${l2Sparse}`);
  checkSparseShape(problem);
  const { rows, dense: x, denseCols: d, y, weights, rowIndex } = problem;
  if ((rowIndex ? rowIndex.length : rows) === 0) throw new DegenerateDataError('no rows to fit');
  const name = (j: number): string => options.denseNames?.[j] ?? `dense column ${j}`;
  const allZero = weights !== undefined && everyWeightZero(weights, rows, rowIndex);
  if (allZero) throw new DegenerateDataError('every row taking part has weight 0: there is nothing to fit');
  const { positive, negative } = classTotals(rows, y, weights, rowIndex);
  const columns = solverScaling(x, rows, d, { weights, rowIndex, name, constantColumns: options.constantColumns });
  const scaling = { cols: d, shift: columns.means, scale: columns.scale, fixedAtZero: columns.constant };

  const loss = createMixedLoss(problem, scaling, l2Dense, l2Sparse);
  const w = startingPoint(loss.dimension, loss.sparseStart, scaling, positive, negative, options.start, problem.sparse.columns);
  const totalWeight = positive + negative;
  const result = minimizeTrustRegion(loss, w, {
    maxIterations: options.maxIterations ?? 200,
    gradientLimit: (options.tolerance ?? 1e-9) * Math.max(1, totalWeight),
    noiseScale: totalWeight,
    onIteration: options.onIteration,
  });
  if (!Number.isFinite(result.objective))
    throw new DegenerateDataError(`the objective became ${result.objective}: the data or the penalties (l2Dense ${l2Dense}, l2Sparse ${l2Sparse}) leave no finite optimum`);

  // The dense block conditional on the terms: the dense problem with the terms' log-odds as a fixed offset.
  const theta = w.subarray(0, loss.sparseStart);
  const denseHessian = new Float64Array(loss.sparseStart * loss.sparseStart);
  evaluateLoss(
    { x, rows, cols: d, y, weights, rowIndex, shift: scaling.shift, scale: scaling.scale, fixedAtZero: scaling.fixedAtZero, offset: loss.termMargins(w) },
    theta,
    l2Dense,
    new Float64Array(loss.sparseStart),
    denseHessian,
  );
  const beta = rawParameters(scaling, theta);
  const pBar = positive / totalWeight;
  return {
    intercept: beta[0] as number,
    dense: beta.slice(1),
    sparse: w.slice(loss.sparseStart),
    means: columns.means,
    sds: columns.sds,
    dropped: columns.dropped,
    iterations: result.iterations,
    hessianProducts: result.hessianProducts,
    converged: result.converged,
    gradientNorm: result.gradientNorm,
    logLikelihood: -(result.objective - loss.penalty(w)),
    nullLogLikelihood: positive * Math.log(pBar) + negative * Math.log1p(-pBar),
    objective: result.objective,
    totalWeight,
    l2Dense,
    l2Sparse,
    denseHessian,
  };
}

/**
 * Standard errors of the raw intercept and dense weights from the dense
 * Hessian block: conditional on the term weights (as if the terms were
 * known), so they are smaller than marginal errors would be when a term and
 * a dense signal carry the same information. NaN for dropped columns.
 * Throws NotPositiveDefiniteError when the block is singular (l2Dense = 0
 * with collinear dense columns).
 */
export function conditionalDenseStandardErrors(fit: SparseLogisticFit): { intercept: number; dense: Float64Array } {
  const d = fit.means.length;
  const fixedAtZero = new Uint8Array(d);
  for (const j of fit.dropped) fixedAtZero[j] = 1;
  const scale = Float64Array.from(fit.sds, (sd, j) => (fixedAtZero[j] ? 0 : 1 / sd));
  const covariance = choleskyInverse(cholesky(fit.denseHessian, d + 1), d + 1);
  const errors = rawStandardErrors({ cols: d, shift: fit.means, scale }, covariance, fixedAtZero);
  return { intercept: errors.intercept, dense: errors.weights };
}

/** The intercept-only optimum by default, as the dense solver starts; else the given raw solution on this problem's scale. */
function startingPoint(
  dimension: number,
  sparseStart: number,
  scaling: Parameters<typeof standardizedParameters>[0],
  positive: number,
  negative: number,
  start: SparseStart | undefined,
  terms: number,
): Float64Array {
  const w = new Float64Array(dimension);
  if (start === undefined) {
    w[0] = Math.log(positive / negative);
    return w;
  }
  if (start.dense.length !== scaling.cols || start.sparse.length !== terms)
    throw new RangeError(`start has ${start.dense.length} dense and ${start.sparse.length} sparse weights; the problem has ${scaling.cols} and ${terms}`);
  for (let k = 0; k < terms; k++) {
    const b = start.sparse[k] as number;
    if (!Number.isFinite(b)) throw new RangeError(`start.sparse[${k}] is ${b}, not a finite number`);
    w[sparseStart + k] = b;
  }
  standardizedParameters(scaling, start.intercept, start.dense, w);
  for (let j = 0; j < sparseStart; j++) if (!Number.isFinite(w[j] as number)) throw new RangeError('start holds a non-finite intercept or dense weight');
  return w;
}

function everyWeightZero(weights: Float64Array, rows: number, rowIndex: Int32Array | undefined): boolean {
  const count = rowIndex ? rowIndex.length : rows;
  for (let r = 0; r < count; r++) if ((weights[rowIndex ? (rowIndex[r] as number) : r] as number) !== 0) return false;
  return true;
}
