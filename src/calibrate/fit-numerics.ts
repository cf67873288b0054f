import { NotPositiveDefiniteError } from './cholesky.js';
import { DegenerateDataError } from './checked-fit-data.js';
import { SingularHessianError } from './newton-solver.js';
import { MODEL_NUMBER_LIMITS } from '../model/model-schema.js';

/**
 * The numeric edges of a fit, each turned into either an exact remedy or a
 * refusal that says what to change: row weights far from 1 (1e308 overflows
 * every sum, 5e-324 underflows every curvature), one record carrying all
 * the weight, and separable data whose weights run past what a model file
 * holds. Without these the solver's own failures (a matrix that is not
 * positive definite, an intercept the model schema refuses) reached the
 * caller as internal errors.
 */

/** Total row weight within which weights are used as given. */
const PLAIN_TOTAL = { min: 2 ** -60, max: 2 ** 100 };

export interface ScaledWeights {
  readonly weights: Float64Array | undefined;
  /** Multiplies a ridge strength by the weights' factor, so the optimum is exactly the one of the weights as given. */
  readonly scaleL2: (l2: number) => number;
  /** Said in the report's warnings when the weights were rescaled. */
  readonly note: string | undefined;
}

/**
 * Weights whose total is extreme are multiplied by a power of two (exact in
 * floating point unless a weight would fall into the subnormal range, which
 * is refused) so that the largest is between 1 and 2; the caller multiplies
 * l2 by the same factor. The penalised objective is then the original one
 * times that factor: the same optimum, in numbers the solver can hold.
 * Weights with an effective sample below two records are refused.
 */
export function scaleWeights(weights: Float64Array | undefined): ScaledWeights {
  const unchanged: ScaledWeights = { weights, scaleL2: (l2) => l2, note: undefined };
  if (weights === undefined) return unchanged;
  let max = 0;
  let total = 0;
  for (const w of weights) {
    // A negative, NaN or infinite weight is refused by the solver with its row.
    if (!(w >= 0) || !Number.isFinite(w)) return unchanged;
    if (w > max) max = w;
    total += w;
  }
  refuseOneRecordFits(weights, max);
  let scaled = weights;
  let exponent = 0;
  if (max > 0 && !(total >= PLAIN_TOTAL.min && total <= PLAIN_TOTAL.max)) {
    exponent = -Math.floor(Math.log2(max));
    scaled = new Float64Array(weights.length);
    for (let i = 0; i < weights.length; i++) {
      const w = timesPowerOfTwo(weights[i] as number, exponent);
      if (weights[i] !== 0 && !(w >= 2 ** -1022))
        throw new DegenerateDataError(
          `the row weights span too wide a range to fit exactly (largest ${max.toExponential(3)}, record ${i}: ${(weights[i] as number).toExponential(3)}): rescale them so that the largest is at most 1e300 times the smallest, or leave the tiny ones out`,
        );
      scaled[i] = w;
    }
  }
  if (exponent === 0) return { ...unchanged, weights: scaled };
  return {
    weights: scaled,
    scaleL2(l2) {
      const rescaled = timesPowerOfTwo(l2, exponent);
      if (!Number.isFinite(rescaled))
        throw new DegenerateDataError(
          `the row weights total ${total.toExponential(3)}: against the ridge penalty (l2 = ${l2}) they carry no information, and the fit would return the penalty alone; rescale the weights (for example so that they average 1) or use l2 = 0`,
        );
      return rescaled;
    },
    note: `row weights multiplied by 2^${exponent} (their total was ${total.toExponential(3)}) and l2 with them, which leaves the optimum where it was; the standard errors treat the rescaled weights (largest 1) as counts`,
  };
}

/** x · 2^e in two steps, so that neither factor overflows (2^1074 does not exist as a double, 2^537 twice does). */
function timesPowerOfTwo(x: number, e: number): number {
  const half = Math.trunc(e / 2);
  return x * 2 ** half * 2 ** (e - half);
}

/** Kish's effective sample size (Σw)² / Σw², on weights relative to the largest: below two records, one row decides the whole fit. */
function refuseOneRecordFits(weights: Float64Array, max: number): void {
  if (!(max > 0)) return;
  let sum = 0;
  let squares = 0;
  let heaviest = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = (weights[i] as number) / max;
    sum += w;
    squares += w * w;
    if ((weights[i] as number) > (weights[heaviest] as number)) heaviest = i;
  }
  if (!(sum > 0) || !Number.isFinite(sum) || !Number.isFinite(squares)) return;
  const effective = (sum * sum) / squares;
  if (effective >= 2) return;
  const share = (100 * ((weights[heaviest] as number) / max)) / sum;
  throw new DegenerateDataError(
    `the row weights leave an effective sample of ${effective.toFixed(2)} records: record ${heaviest} carries ${share.toFixed(share > 99.9 ? 6 : 1)} % of the total weight, so the fit would rest on that one record; cap the weights (for example at 100 times their median) or fit without them`,
  );
}

/** Runs a solve; a matrix that lost its positive definiteness becomes a refusal that says what to change. */
export function withNumericGuard<T>(l2: number, solve: () => T): T {
  try {
    return solve();
  } catch (error) {
    if (!(error instanceof NotPositiveDefiniteError || error instanceof SingularHessianError)) throw error;
    throw new DegenerateDataError(
      l2 > 0
        ? `the fit is numerically singular even with l2 = ${l2}: some columns are (nearly) collinear, or the classes are separable; raise l2 (for example to ${Math.max(1, l2 * 100)}) or drop a redundant feature`
        : 'the fit is numerically singular with l2 = 0: some columns are collinear, or the classes are separable; use l2 > 0 (the default is 1) or drop a redundant feature',
    );
  }
}

/** What the solver found, on the raw scale the model file stores. */
export interface RawSolution {
  readonly intercept: number;
  readonly interceptStandardError: number;
  readonly coefficients: ArrayLike<number>;
  readonly standardizedCoefficients: ArrayLike<number>;
}

/**
 * Separable data with a small l2 drives weights to sizes no model file may
 * hold (|intercept| ≤ 1,000, |weight| ≤ 10⁶); a refusal names the column
 * that separates the classes and what to change, instead of an invalid model.
 */
export function refuseUnrepresentable(solution: RawSolution, columns: readonly string[], l2: number): void {
  let worst = -1;
  let worstSize = 0;
  for (let j = 0; j < solution.standardizedCoefficients.length; j++) {
    const size = Math.abs(solution.standardizedCoefficients[j] as number);
    if (size > worstSize || Number.isNaN(size)) [worst, worstSize] = [j, size];
  }
  const tooBig = (j: number): boolean => !(Math.abs(solution.coefficients[j] as number) <= MODEL_NUMBER_LIMITS.maxWeight);
  const badWeight = Array.from({ length: solution.coefficients.length }, (_, j) => j).find(tooBig);
  const badIntercept = !(Math.abs(solution.intercept) <= MODEL_NUMBER_LIMITS.maxIntercept);
  if (badWeight === undefined && !badIntercept && Number.isFinite(solution.interceptStandardError)) return;
  const what = badIntercept
    ? `the intercept would be ${formatSize(solution.intercept)} log-odds (a model holds ±${MODEL_NUMBER_LIMITS.maxIntercept})`
    : badWeight !== undefined
      ? `the weight of "${columns[badWeight]}" would be ${formatSize(solution.coefficients[badWeight] as number)} (a model holds ±${MODEL_NUMBER_LIMITS.maxWeight})`
      : 'the standard errors are not finite';
  const by = worst >= 0 ? ` (most sharply by "${columns[worst]}")` : '';
  throw new DegenerateDataError(
    `no usable model: ${what}; the classes are (nearly) separable by these features${by} and l2 = ${l2} holds the weights back too little: raise l2 (for example to ${Math.max(1, l2 * 1000)}; the default is 1) or drop the feature that separates them`,
  );
}

function formatSize(x: number): string {
  return Number.isFinite(x) ? (Math.abs(x) >= 1e6 ? x.toExponential(2) : x.toFixed(1)) : String(x);
}
