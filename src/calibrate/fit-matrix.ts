import { classTotals, DegenerateDataError, solverScaling } from './checked-fit-data.js';
import { solveLogistic, SingularHessianError, type LogisticSolution } from './newton-solver.js';
import type { LogisticProblem } from './logistic-loss.js';
import { rawParameters } from './standardized-scale.js';
import { parameterCovariance, rawStandardErrors } from './coefficient-covariance.js';
import { withNumericGuard } from './fit-numerics.js';
import { checkOptions } from '../core/options-check.js';
import { matrixFitOptionsSchema } from './option-schemas.js';

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/**
 * Ridge strength on standardised columns: scikit-learn's default C = 1. It keeps
 * separable or near-separable data finite and is negligible next to the
 * likelihood of a few thousand rows (the README, "Regularisation").
 */
export const DEFAULT_L2 = 1;

export interface MatrixFitOptions {
  /** Ridge strength on standardised coefficients (½·l2·‖β‖² added to the summed negative log-likelihood). */
  l2?: number;
  /** Per-row weights (sample × class), ≥ 0. */
  weights?: Float64Array;
  /** Rows taking part; all when absent. */
  rowIndex?: Int32Array;
  /** Names for error messages. */
  columnNames?: readonly string[];
  /** 'drop' holds a constant column's weight at 0 and reports it; 'error' refuses. */
  constantColumns?: 'drop' | 'error';
  maxIterations?: number;
  tolerance?: number;
  /**
   * 'model' (default): inverse Hessian, right when weights are counts.
   * 'robust': the sandwich H⁻¹ (Σ gᵢgᵢᵀ) H⁻¹, for class or sampling weights.
   */
  standardErrors?: 'model' | 'robust';
  onIteration?: (event: { iteration: number; gradientNorm: number; objective: number }) => void;
}

/** A fitted logistic regression, on the raw column scale unless named otherwise. */
export interface MatrixFit {
  intercept: number;
  coefficients: Float64Array;
  interceptStandardError: number;
  /** NaN for dropped columns. */
  standardErrors: Float64Array;
  /** The standardisation the solver worked in (weighted over the fitted rows). */
  means: Float64Array;
  sds: Float64Array;
  standardizedIntercept: number;
  standardizedCoefficients: Float64Array;
  /** Indices of constant columns held at 0. */
  dropped: number[];
  iterations: number;
  converged: boolean;
  gradientNorm: number;
  logLikelihood: number;
  /** Log-likelihood of the intercept-only model on the same rows and weights. */
  nullLogLikelihood: number;
  objective: number;
  totalWeight: number;
  l2: number;
}

export { DegenerateDataError } from './checked-fit-data.js';

/**
 * Fits on a prebuilt column matrix: standardises each column (so one l2
 * means the same for a flag and a wait), solves on that scale, then maps
 * the weights, intercept and their standard errors back to the raw columns
 * the scorer multiplies. The benchmark times this function directly.
 */
export function fitLogisticMatrix(
  x: Float64Array,
  rows: number,
  cols: number,
  y: ArrayLike<number>,
  given: MatrixFitOptions = {},
): MatrixFit {
  const options = checkOptions(matrixFitOptionsSchema, given, 'fitLogisticMatrix options') as MatrixFitOptions;
  const l2 = options.l2 ?? DEFAULT_L2;
  if (!(l2 >= 0) || !Number.isFinite(l2)) throw new RangeError(`l2 must be a finite number ≥ 0, got ${l2}`);
  const name = (j: number): string => options.columnNames?.[j] ?? `column ${j}`;
  const { weights, rowIndex } = options;
  const { positive, negative } = classTotals(rows, y, weights, rowIndex);

  const { means, sds, scale, constant, dropped } = solverScaling(x, rows, cols, { weights, rowIndex, name, constantColumns: options.constantColumns });

  const problem: LogisticProblem = { x, rows, cols, y, weights, rowIndex, shift: means, scale, fixedAtZero: constant };
  const solution = solveOrExplain(problem, l2, options, name);
  const theta = solution.theta;
  const covariance = withNumericGuard(l2, () => parameterCovariance(problem, theta, solution.hessian, options.standardErrors ?? 'model'));
  const errors = rawStandardErrors(problem, covariance, constant);
  const beta = rawParameters(problem, theta);

  const pBar = positive / (positive + negative);
  const nullLogLikelihood = positive * Math.log(pBar) + negative * Math.log1p(-pBar);
  return {
    intercept: beta[0] as number,
    coefficients: beta.slice(1),
    interceptStandardError: errors.intercept,
    standardErrors: errors.weights,
    means,
    sds,
    standardizedIntercept: theta[0] as number,
    standardizedCoefficients: theta.slice(1),
    dropped,
    iterations: solution.iterations,
    converged: solution.converged,
    gradientNorm: solution.gradientNorm,
    logLikelihood: solution.logLikelihood,
    nullLogLikelihood,
    objective: solution.objective,
    totalWeight: solution.totalWeight,
    l2,
  };
}

/** The solver's singular-Hessian failure, told in the caller's column names with what to do about it. */
function solveOrExplain(problem: LogisticProblem, l2: number, options: MatrixFitOptions, name: (j: number) => string): LogisticSolution {
  try {
    return solveLogistic(problem, { l2, maxIterations: options.maxIterations, tolerance: options.tolerance, onIteration: options.onIteration });
  } catch (error) {
    if (error instanceof SingularHessianError)
      throw new DegenerateDataError(
        `${error.column === 0 ? 'the intercept' : `"${name(error.column - 1)}"`} is collinear with other columns (or the data are separable) and l2 = ${l2}: ${l2 > 0 ? `raise l2 (for example to ${Math.max(1, l2 * 100)})` : 'use l2 > 0 (the default is 1)'} or drop a redundant feature`,
      );
    throw error;
  }
}
