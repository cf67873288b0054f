import { softplus } from './log-likelihood.js';
import { rawParameters, toStandardized, type ColumnScaling } from './standardized-scale.js';

/**
 * A binary logistic regression problem on a dense row-major matrix. The
 * solver sees each column as z = (x − shift) × scale, computed row by row, so
 * callers standardise without copying a million-row matrix.
 */
export interface LogisticProblem extends ColumnScaling {
  /** Row-major rows × cols values; must be finite. */
  readonly x: Float64Array;
  readonly rows: number;
  /** Labels, 0 or 1. */
  readonly y: ArrayLike<number>;
  /** Per-row weights ≥ 0 (sample × class weights); all 1 when absent. */
  readonly weights?: Float64Array | undefined;
  /** Only these rows take part (cross-validation folds); all rows when absent. */
  readonly rowIndex?: Int32Array | undefined;
  /** Columns held at zero (constant in the data): their Hessian diagonal gets 1 so the system stays solvable. */
  readonly fixedAtZero?: Uint8Array | undefined;
  /**
   * Fixed log-odds added to each row's predictor, indexed like y (a GLM
   * offset): the sparse solver takes the dense block's curvature at its
   * solution with the term weights held fixed this way.
   */
  readonly offset?: Float64Array | undefined;
}

/** What one pass over the rows reports besides the gradient and curvature it writes. */
export interface LossValue {
  /** Weighted log-likelihood, without the penalty. */
  readonly logLikelihood: number;
  /** −logLikelihood + ½·l2·‖θ‖² (intercept excluded): what the solver minimises. */
  readonly objective: number;
}

export interface LossPassOptions {
  /**
   * 'hessian' (default) sums wᵢpᵢ(1 − pᵢ)·xᵢxᵢᵀ; 'scoreOuterProduct' sums
   * each row's squared score contribution instead, the "meat" of a sandwich
   * covariance (and then adds no penalty).
   */
  readonly curvature?: 'hessian' | 'scoreOuterProduct';
  /**
   * Curvature from every stride-th row only, scaled by the stride: a cheaper
   * Hessian to steer Newton steps on very many rows. The log-likelihood and
   * gradient always use every row.
   */
  readonly stride?: number;
}

export function weightTotals(problem: LogisticProblem): { positive: number; negative: number } {
  const { y, weights, rowIndex } = problem;
  const count = rowIndex ? rowIndex.length : problem.rows;
  let positive = 0;
  let negative = 0;
  for (let r = 0; r < count; r++) {
    const i = rowIndex ? (rowIndex[r] as number) : r;
    const w = weights ? (weights[i] as number) : 1;
    if (y[i] === 1) positive += w;
    else negative += w;
  }
  return { positive, negative };
}

/** ½·l2·‖θ‖² over the weights; the intercept (θ₀) is never penalised. */
export function penaltyOf(theta: Float64Array, l2: number): number {
  let s = 0;
  for (let j = 1; j < theta.length; j++) s += (theta[j] as number) * (theta[j] as number);
  return 0.5 * l2 * s;
}

/**
 * Log-likelihood, gradient and negative Hessian of the penalised
 * log-likelihood at θ (standardised scale), in one pass over the rows.
 * Overwrites `gradient` (m) and `hessian` (m², full symmetric).
 */
export function evaluateLoss(
  problem: LogisticProblem,
  theta: Float64Array,
  l2: number,
  gradient: Float64Array,
  hessian: Float64Array,
  options: LossPassOptions = {},
): LossValue {
  const outer = options.curvature === 'scoreOuterProduct';
  const logLikelihood = accumulateRawSums(problem, rawParameters(problem, theta), gradient, hessian, outer, options.stride ?? 1);
  toStandardized(problem, gradient, hessian);
  const objective = -logLikelihood + penaltyOf(theta, l2);
  if (outer) return { logLikelihood, objective };
  const m = problem.cols + 1;
  const fixedAtZero = problem.fixedAtZero;
  for (let j = 1; j < m; j++) {
    gradient[j] = (gradient[j] as number) - l2 * (theta[j] as number);
    hessian[j * m + j] = (hessian[j * m + j] as number) + l2 + (fixedAtZero?.[j - 1] ? 1 : 0);
  }
  return { logLikelihood, objective };
}

/**
 * Σ gᵢgᵢᵀ over rows, gᵢ = wᵢ(yᵢ − pᵢ)·[1, zᵢ] on the standardised scale: with
 * the Hessian H, H⁻¹(Σ gᵢgᵢᵀ)H⁻¹ is the robust (Huber-White) covariance, which
 * stays honest when weights are not counts (class weights).
 */
export function scoreOuterProduct(problem: LogisticProblem, theta: Float64Array): Float64Array {
  const m = problem.cols + 1;
  const meat = new Float64Array(m * m);
  evaluateLoss(problem, theta, 0, new Float64Array(m), meat, { curvature: 'scoreOuterProduct' });
  return meat;
}

/** The penalised objective alone: O(non-zeros), no curvature, for the line search. */
export function objectiveAt(problem: LogisticProblem, theta: Float64Array, l2: number): number {
  const { x, cols, y, weights, rowIndex, offset } = problem;
  const beta = rawParameters(problem, theta);
  let negLogLikelihood = 0;
  const count = rowIndex ? rowIndex.length : problem.rows;
  for (let r = 0; r < count; r++) {
    const i = rowIndex ? (rowIndex[r] as number) : r;
    const w = weights ? (weights[i] as number) : 1;
    if (w === 0) continue;
    const base = i * cols;
    let eta = offset ? (beta[0] as number) + (offset[i] as number) : (beta[0] as number);
    for (let j = 0; j < cols; j++) eta += (beta[j + 1] as number) * (x[base + j] as number);
    negLogLikelihood += w * (y[i] === 1 ? softplus(-eta) : softplus(eta));
  }
  return negLogLikelihood + penaltyOf(theta, l2);
}

/**
 * The row loop on the raw scale at raw parameters β: returns the weighted
 * log-likelihood and writes the gradient and the upper triangle of the
 * curvature. Each row's non-zero values are gathered once and reused for the
 * predictor, the gradient and the O(k²) curvature update.
 */
function accumulateRawSums(
  problem: LogisticProblem,
  beta: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
  outer: boolean,
  stride: number,
): number {
  const { x, cols, y, weights, rowIndex, offset } = problem;
  const m = cols + 1;
  const nz = new Int32Array(cols);
  const nzValue = new Float64Array(cols);
  gradient.fill(0);
  hessian.fill(0);
  let logLikelihood = 0;
  const count = rowIndex ? rowIndex.length : problem.rows;
  for (let r = 0; r < count; r++) {
    const i = rowIndex ? (rowIndex[r] as number) : r;
    const w = weights ? (weights[i] as number) : 1;
    if (w === 0) continue;
    const base = i * cols;
    let eta = offset ? (beta[0] as number) + (offset[i] as number) : (beta[0] as number);
    let k = 0;
    for (let j = 0; j < cols; j++) {
      const v = x[base + j] as number;
      if (v !== 0) {
        nz[k] = j + 1;
        nzValue[k] = v;
        k++;
        eta += (beta[j + 1] as number) * v;
      }
    }
    const label = y[i] === 1 ? 1 : 0;
    // One exp serves both: e = exp(−|η|) gives p and log(1 + e^±η) = max(±η, 0) + log1p(e).
    const e = Math.exp(eta >= 0 ? -eta : eta);
    const p = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    const log1pE = Math.log1p(e);
    logLikelihood -= w * (label === 1 ? (eta >= 0 ? log1pE : log1pE - eta) : eta >= 0 ? eta + log1pE : log1pE);
    const residual = w * (label - p);
    const curvature = (outer ? residual * residual : w * p * (1 - p)) * stride;
    gradient[0] = (gradient[0] as number) + residual;
    if (stride > 1 && r % stride !== 0) {
      for (let a = 0; a < k; a++) {
        const ia = nz[a] as number;
        gradient[ia] = (gradient[ia] as number) + residual * (nzValue[a] as number);
      }
      continue;
    }
    hessian[0] = (hessian[0] as number) + curvature;
    for (let a = 0; a < k; a++) {
      const ia = nz[a] as number;
      const va = nzValue[a] as number;
      gradient[ia] = (gradient[ia] as number) + residual * va;
      const ca = curvature * va;
      hessian[ia] = (hessian[ia] as number) + ca; // row 0, column ia
      const row = ia * m;
      for (let b = a; b < k; b++) {
        const idx = row + (nz[b] as number);
        hessian[idx] = (hessian[idx] as number) + ca * (nzValue[b] as number);
      }
    }
  }
  return logLikelihood;
}
