import { cholesky, choleskySolve, NotPositiveDefiniteError } from './cholesky.js';
import { softplus } from './log-likelihood.js';

/**
 * A binary logistic regression problem on a dense row-major matrix. The
 * solver sees each column as z = (x − shift) × scale, computed row by row, so
 * callers standardise without copying a million-row matrix.
 */
export interface LogisticProblem {
  /** Row-major rows × cols values; must be finite. */
  readonly x: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** Labels, 0 or 1. */
  readonly y: ArrayLike<number>;
  /** Per-row weights ≥ 0 (sample × class weights); all 1 when absent. */
  readonly weights?: Float64Array | undefined;
  readonly shift?: Float64Array | undefined;
  readonly scale?: Float64Array | undefined;
  /** Only these rows take part (cross-validation folds); all rows when absent. */
  readonly rowIndex?: Int32Array | undefined;
  /** Columns held at zero (constant in the data): their Hessian diagonal gets 1 so the system stays solvable. */
  readonly fixedAtZero?: Uint8Array | undefined;
}

export interface SolverOptions {
  /** Ridge penalty ½·l2·‖β‖² on the (scaled) coefficients; the intercept is never penalised. */
  readonly l2: number;
  readonly maxIterations?: number;
  /** Converged when max |penalised gradient| ≤ tolerance × max(1, total weight). */
  readonly tolerance?: number;
  readonly onIteration?: (event: { iteration: number; gradientNorm: number; objective: number }) => void;
  /**
   * Rows whose curvature steers the Newton steps (default 200,000): above it
   * the step Hessian comes from an evenly spaced subset, scaled up. The
   * gradient, the objective and the final Hessian (for standard errors) always
   * use every row, so the solution is the same; only the path to it is cheaper.
   */
  readonly hessianRows?: number;
}

export interface LogisticSolution {
  /** Intercept, then one coefficient per column, on the scaled columns. */
  readonly theta: Float64Array;
  /** Negative Hessian of the penalised log-likelihood at theta, (cols+1)² row-major, intercept first. */
  readonly hessian: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Max |penalised gradient| at theta, on the summed (not mean) scale. */
  readonly gradientNorm: number;
  /** Weighted log-likelihood at theta, without the penalty. */
  readonly logLikelihood: number;
  /** −logLikelihood + penalty: what the solver minimised. */
  readonly objective: number;
  readonly totalWeight: number;
}

export class SingularHessianError extends Error {
  override name = 'SingularHessianError';
  /** Column index (0 = intercept) where the factorisation broke down. */
  constructor(readonly column: number) {
    super(`the Hessian is singular at column ${column}`);
  }
}

/**
 * Penalised maximum likelihood by Newton's method (IRLS) with a backtracking
 * line search. One pass over the rows per iteration accumulates the
 * log-likelihood, gradient and X'WX together; Newton needs ~5-10 of them,
 * where gradient ascent needs thousands.
 */
export function solveLogistic(problem: LogisticProblem, options: SolverOptions): LogisticSolution {
  const m = problem.cols + 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-9;
  const l2 = options.l2;
  const theta = new Float64Array(m);

  const totals = weightTotals(problem);
  if (totals.positive === 0 || totals.negative === 0) throw new Error('both classes need positive total weight');
  theta[0] = Math.log(totals.positive / totals.negative);
  const gradientLimit = tolerance * Math.max(1, totals.positive + totals.negative);

  const count = problem.rowIndex ? problem.rowIndex.length : problem.rows;
  const stride = Math.max(1, Math.ceil(count / (options.hessianRows ?? 200_000)));
  let gradient = new Float64Array(m);
  let hessian = new Float64Array(m * m);
  let spareGradient = new Float64Array(m);
  let spareHessian = new Float64Array(m * m);
  let state = accumulate(problem, theta, l2, gradient, hessian, false, stride);
  let iterations = 0;
  let converged = false;
  const candidate = new Float64Array(m);
  for (;;) {
    const gradientNorm = maxAbs(gradient);
    options.onIteration?.({ iteration: iterations, gradientNorm, objective: state.objective });
    if (gradientNorm <= gradientLimit) {
      converged = true;
      break;
    }
    if (iterations >= maxIterations) break;
    iterations++;
    let factor: Float64Array;
    try {
      factor = cholesky(hessian, m);
    } catch (error) {
      if (error instanceof NotPositiveDefiniteError) throw new SingularHessianError(error.index);
      throw error;
    }
    const step = choleskySolve(factor, m, gradient);
    let slope = 0;
    for (let j = 0; j < m; j++) slope += (gradient[j] as number) * (step[j] as number);
    // The full Newton step is accepted almost always: evaluate it with the
    // gradient and Hessian in the same pass, so an iteration costs one pass.
    for (let j = 0; j < m; j++) candidate[j] = (theta[j] as number) + (step[j] as number);
    const full = accumulate(problem, candidate, l2, spareGradient, spareHessian, false, stride);
    // Armijo: the objective must fall by a fraction of what the quadratic
    // model promises. Close to the optimum that fall (~gradient²/curvature)
    // drops below the rounding noise of a sum over many rows; there a full
    // step that does not raise the objective beyond that noise and shrinks
    // the gradient is progress too.
    const noise = 1e-12 * (Math.abs(state.objective) + totals.positive + totals.negative);
    if (
      full.objective <= state.objective - 1e-4 * slope ||
      (full.objective <= state.objective + noise && maxAbs(spareGradient) < gradientNorm)
    ) {
      theta.set(candidate);
      [gradient, spareGradient] = [spareGradient, gradient];
      [hessian, spareHessian] = [spareHessian, hessian];
      state = full;
      continue;
    }
    let t = 0.5;
    let accepted = false;
    for (let halving = 0; halving < 40; halving++) {
      for (let j = 0; j < m; j++) candidate[j] = (theta[j] as number) + t * (step[j] as number);
      if (objectiveAt(problem, candidate, l2) <= state.objective - 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) break; // no descent left at machine precision: report the gradient as it stands
    theta.set(candidate);
    state = accumulate(problem, theta, l2, gradient, hessian, false, stride);
  }
  // Standard errors need the curvature of every row at the solution.
  if (stride > 1) state = accumulate(problem, theta, l2, gradient, hessian);
  return {
    theta,
    hessian,
    iterations,
    converged,
    gradientNorm: maxAbs(gradient),
    logLikelihood: state.logLikelihood,
    objective: state.objective,
    totalWeight: totals.positive + totals.negative,
  };
}

function weightTotals(problem: LogisticProblem): { positive: number; negative: number } {
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

function penaltyOf(theta: Float64Array, l2: number): number {
  let s = 0;
  for (let j = 1; j < theta.length; j++) s += (theta[j] as number) * (theta[j] as number);
  return 0.5 * l2 * s;
}

/**
 * The same linear predictor on the raw columns: β_j = θ_j·scale_j and
 * β_0 = θ_0 − Σ β_j·shift_j, so each row needs only its non-zero values
 * (flags, one-hot levels and absent text are mostly zero; centring would
 * make every entry non-zero).
 */
/**
 * Σ gᵢgᵢᵀ over rows, gᵢ = wᵢ(yᵢ − pᵢ)·[1, zᵢ] on the standardised scale: with
 * the Hessian H, H⁻¹(Σ gᵢgᵢᵀ)H⁻¹ is the robust (Huber-White) covariance, which
 * stays honest when weights are not counts (class weights).
 */
export function scoreOuterProduct(problem: LogisticProblem, theta: Float64Array): Float64Array {
  const m = problem.cols + 1;
  const meat = new Float64Array(m * m);
  accumulate(problem, theta, 0, new Float64Array(m), meat, true);
  return meat;
}

function rawParameters(problem: LogisticProblem, theta: Float64Array): Float64Array {
  const { cols, shift, scale } = problem;
  const beta = new Float64Array(cols + 1);
  let b0 = theta[0] as number;
  for (let j = 0; j < cols; j++) {
    const b = (theta[j + 1] as number) * (scale ? (scale[j] as number) : 1);
    beta[j + 1] = b;
    b0 -= b * (shift ? (shift[j] as number) : 0);
  }
  beta[0] = b0;
  return beta;
}

/**
 * Log-likelihood, gradient and negative Hessian in one pass. Sums run over
 * each row's non-zero raw values, then map to the standardised scale with
 * z = (x − shift)·scale: with [1, z] = [1, x]·A, the Hessian is AᵀHA and the
 * gradient Aᵀg, where A has the intercept row −shift·scale and diagonal scale.
 */
function accumulate(
  problem: LogisticProblem,
  theta: Float64Array,
  l2: number,
  gradient: Float64Array,
  hessian: Float64Array,
  outer = false,
  stride = 1,
): { logLikelihood: number; objective: number } {
  const { x, cols, y, weights, rowIndex, fixedAtZero } = problem;
  const m = cols + 1;
  const beta = rawParameters(problem, theta);
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
    let eta = beta[0] as number;
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
    // `outer` sums each row's squared score contribution instead: the "meat" of a sandwich covariance.
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
  toStandardized(problem, gradient, hessian);
  if (outer) return { logLikelihood, objective: -logLikelihood + penaltyOf(theta, l2) };
  for (let j = 1; j < m; j++) {
    gradient[j] = (gradient[j] as number) - l2 * (theta[j] as number);
    hessian[j * m + j] = (hessian[j * m + j] as number) + l2 + (fixedAtZero?.[j - 1] ? 1 : 0);
  }
  return { logLikelihood, objective: -logLikelihood + penaltyOf(theta, l2) };
}

/** Raw-scale sums (Hessian upper triangle) → standardised gradient and full symmetric Hessian. */
function toStandardized(problem: LogisticProblem, gradient: Float64Array, hessian: Float64Array): void {
  const m = problem.cols + 1;
  const d = new Float64Array(m); // diagonal of A
  const c = new Float64Array(m); // first row of A
  d[0] = 1;
  c[0] = 1;
  for (let j = 1; j < m; j++) {
    const s = problem.scale ? (problem.scale[j - 1] as number) : 1;
    d[j] = s;
    c[j] = -s * (problem.shift ? (problem.shift[j - 1] as number) : 0);
  }
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) hessian[b * m + a] = hessian[a * m + b] as number;
  // HA: column b is H[:,0]·c_b + H[:,b]·d_b (b ≥ 1).
  const ha = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    const h0 = hessian[a * m] as number;
    ha[a * m] = h0;
    for (let b = 1; b < m; b++) ha[a * m + b] = h0 * (c[b] as number) + (hessian[a * m + b] as number) * (d[b] as number);
  }
  // Aᵀ(HA): row a is c_a·(HA)[0,:] + d_a·(HA)[a,:] (a ≥ 1).
  for (let b = 0; b < m; b++) hessian[b] = ha[b] as number;
  for (let a = 1; a < m; a++)
    for (let b = 0; b < m; b++) hessian[a * m + b] = (c[a] as number) * (ha[b] as number) + (d[a] as number) * (ha[a * m + b] as number);
  const g0 = gradient[0] as number;
  for (let a = 1; a < m; a++) gradient[a] = (c[a] as number) * g0 + (d[a] as number) * (gradient[a] as number);
}

/** The penalised objective alone: O(non-zeros), for the line search. */
function objectiveAt(problem: LogisticProblem, theta: Float64Array, l2: number): number {
  const { x, cols, y, weights, rowIndex } = problem;
  const beta = rawParameters(problem, theta);
  let negLogLikelihood = 0;
  const count = rowIndex ? rowIndex.length : problem.rows;
  for (let r = 0; r < count; r++) {
    const i = rowIndex ? (rowIndex[r] as number) : r;
    const w = weights ? (weights[i] as number) : 1;
    if (w === 0) continue;
    const base = i * cols;
    let eta = beta[0] as number;
    for (let j = 0; j < cols; j++) eta += (beta[j + 1] as number) * (x[base + j] as number);
    negLogLikelihood += w * (y[i] === 1 ? softplus(-eta) : softplus(eta));
  }
  return negLogLikelihood + penaltyOf(theta, l2);
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let j = 0; j < v.length; j++) {
    const a = Math.abs(v[j] as number);
    if (a > m || a !== a) m = a !== a ? Infinity : a;
  }
  return m;
}
