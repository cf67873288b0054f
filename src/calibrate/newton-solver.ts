import { cholesky, choleskySolve, NotPositiveDefiniteError } from './cholesky.js';
import { dot, maxAbs } from './vector-norms.js';
import { evaluateLoss, objectiveAt, weightTotals, type LogisticProblem, type LossValue } from './logistic-loss.js';

export type { LogisticProblem } from './logistic-loss.js';

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

/** The current point with its gradient and Hessian; the arrays are swapped with spares, never reallocated. */
interface Iterate {
  readonly theta: Float64Array;
  gradient: Float64Array;
  hessian: Float64Array;
  loss: LossValue;
}

/** One pass over the rows at θ, writing the gradient and the step Hessian. */
type LossPass = (theta: Float64Array, gradient: Float64Array, hessian: Float64Array) => LossValue;

/**
 * Penalised maximum likelihood by Newton's method (IRLS) with a backtracking
 * line search. One pass over the rows per iteration accumulates the
 * log-likelihood, gradient and X'WX together; Newton needs ~5-10 of them,
 * where gradient ascent needs thousands.
 */
export function solveLogistic(problem: LogisticProblem, options: SolverOptions): LogisticSolution {
  const m = problem.cols + 1;
  const maxIterations = options.maxIterations ?? 100;
  const l2 = options.l2;
  const totals = weightTotals(problem);
  if (totals.positive === 0 || totals.negative === 0) throw new Error('both classes need positive total weight');
  const gradientLimit = (options.tolerance ?? 1e-9) * Math.max(1, totals.positive + totals.negative);
  const stride = curvatureStride(problem, options.hessianRows ?? 200_000);
  const steer: LossPass = (theta, gradient, hessian) => evaluateLoss(problem, theta, l2, gradient, hessian, { stride });

  const current = startingPoint(m, totals, steer);
  const spare = { gradient: new Float64Array(m), hessian: new Float64Array(m * m) };
  const candidate = new Float64Array(m);
  // The rounding noise of a sum over many rows, below which an objective change means nothing.
  const noiseOf = (objective: number): number => 1e-12 * (Math.abs(objective) + totals.positive + totals.negative);
  let iterations = 0;
  let converged = false;
  for (;;) {
    const gradientNorm = maxAbs(current.gradient);
    options.onIteration?.({ iteration: iterations, gradientNorm, objective: current.loss.objective });
    if (gradientNorm <= gradientLimit) {
      converged = true;
      break;
    }
    if (iterations >= maxIterations) break;
    iterations++;
    const step = newtonDirection(current, m);
    const slope = dot(current.gradient, step);
    if (acceptFullStep(current, spare, step, slope, candidate, steer, gradientNorm, noiseOf(current.loss.objective))) continue;
    // No descent left at machine precision: report the gradient as it stands.
    if (!backtrack(current, step, slope, candidate, (theta) => objectiveAt(problem, theta, l2))) break;
    current.loss = steer(current.theta, current.gradient, current.hessian);
  }
  // Standard errors need the curvature of every row at the solution.
  if (stride > 1) current.loss = evaluateLoss(problem, current.theta, l2, current.gradient, current.hessian);
  return {
    theta: current.theta,
    hessian: current.hessian,
    iterations,
    converged,
    gradientNorm: maxAbs(current.gradient),
    logLikelihood: current.loss.logLikelihood,
    objective: current.loss.objective,
    totalWeight: totals.positive + totals.negative,
  };
}

/** Every stride-th row steers the steps, so that about `hessianRows` rows do. */
function curvatureStride(problem: LogisticProblem, hessianRows: number): number {
  const count = problem.rowIndex ? problem.rowIndex.length : problem.rows;
  return Math.max(1, Math.ceil(count / hessianRows));
}

/** The intercept-only optimum (log of the class-weight ratio), all weights 0: a start a few steps from any answer. */
function startingPoint(m: number, totals: { positive: number; negative: number }, steer: LossPass): Iterate {
  const theta = new Float64Array(m);
  theta[0] = Math.log(totals.positive / totals.negative);
  const gradient = new Float64Array(m);
  const hessian = new Float64Array(m * m);
  return { theta, gradient, hessian, loss: steer(theta, gradient, hessian) };
}

/** Solves H·step = g by Cholesky; a pivot lost to rounding names the collinear column. */
function newtonDirection(current: Iterate, m: number): Float64Array {
  let factor: Float64Array;
  try {
    factor = cholesky(current.hessian, m);
  } catch (error) {
    if (error instanceof NotPositiveDefiniteError) throw new SingularHessianError(error.index);
    throw error;
  }
  return choleskySolve(factor, m, current.gradient);
}

/**
 * The full Newton step is accepted almost always, so it is evaluated with its
 * gradient and Hessian in the same pass (into the spares): an iteration then
 * costs one pass. Armijo: the objective must fall by a fraction of what the
 * quadratic model promises. Close to the optimum that fall
 * (~gradient²/curvature) drops below the rounding noise; there a full step
 * that does not raise the objective beyond that noise and shrinks the
 * gradient is progress too. On acceptance the spares become the iterate.
 */
function acceptFullStep(
  current: Iterate,
  spare: { gradient: Float64Array; hessian: Float64Array },
  step: Float64Array,
  slope: number,
  candidate: Float64Array,
  steer: LossPass,
  gradientNorm: number,
  noise: number,
): boolean {
  const { theta } = current;
  for (let j = 0; j < theta.length; j++) candidate[j] = (theta[j] as number) + (step[j] as number);
  const full = steer(candidate, spare.gradient, spare.hessian);
  const objective = current.loss.objective;
  if (!(full.objective <= objective - 1e-4 * slope || (full.objective <= objective + noise && maxAbs(spare.gradient) < gradientNorm))) return false;
  theta.set(candidate);
  [current.gradient, spare.gradient] = [spare.gradient, current.gradient];
  [current.hessian, spare.hessian] = [spare.hessian, current.hessian];
  current.loss = full;
  return true;
}

/**
 * Halves the step until the objective alone (no curvature: cheaper) shows an
 * Armijo decrease, then moves θ there. The caller recomputes the derivatives.
 */
function backtrack(current: Iterate, step: Float64Array, slope: number, candidate: Float64Array, objectiveOf: (theta: Float64Array) => number): boolean {
  const { theta } = current;
  let t = 0.5;
  for (let halving = 0; halving < 40; halving++) {
    for (let j = 0; j < theta.length; j++) candidate[j] = (theta[j] as number) + t * (step[j] as number);
    if (objectiveOf(candidate) <= current.loss.objective - 1e-4 * t * slope) {
      theta.set(candidate);
      return true;
    }
    t /= 2;
  }
  return false;
}
