import { choleskyInverse, cholesky } from './cholesky.js';
import { scoreOuterProduct, type LogisticProblem } from './logistic-loss.js';
import { interceptRow, type ColumnScaling } from './standardized-scale.js';

/**
 * Covariance of θ (standardised scale, intercept first) at the solution.
 * 'model': the inverse Hessian, right when weights are counts. 'robust': the
 * sandwich H⁻¹ (Σ gᵢgᵢᵀ) H⁻¹, for class or sampling weights.
 */
export function parameterCovariance(
  problem: LogisticProblem,
  theta: Float64Array,
  hessian: Float64Array,
  kind: 'model' | 'robust',
): Float64Array {
  const m = problem.cols + 1;
  const inverse = choleskyInverse(cholesky(hessian, m), m);
  return kind === 'robust' ? sandwich(inverse, scoreOuterProduct(problem, theta), m) : inverse;
}

/**
 * Standard errors on the raw scale from the standardised covariance. A raw
 * weight is θ_j·scale_j, so its error scales the same way; the raw intercept
 * is the linear map cᵀθ with c the first row of A, so its variance is cᵀΣc.
 * Columns held at zero (`fixedAtZero`) get NaN: they were not estimated.
 */
export function rawStandardErrors(
  scaling: ColumnScaling,
  covariance: Float64Array,
  fixedAtZero: Uint8Array,
): { intercept: number; weights: Float64Array } {
  const { cols, scale } = scaling;
  const m = cols + 1;
  const weights = new Float64Array(cols);
  for (let j = 0; j < cols; j++)
    weights[j] = fixedAtZero[j] ? NaN : Math.sqrt(covariance[(j + 1) * m + (j + 1)] as number) * (scale ? (scale[j] as number) : 1);
  const c = interceptRow(scaling);
  let variance = 0;
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) variance += (c[a] as number) * (covariance[a * m + b] as number) * (c[b] as number);
  return { intercept: Math.sqrt(variance), weights };
}

/** A·B·A for symmetric m×m matrices (row-major). */
function sandwich(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const ab = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let k = 0; k < m; k++) {
      const v = a[i * m + k] as number;
      if (v === 0) continue;
      for (let j = 0; j < m; j++) ab[i * m + j] = (ab[i * m + j] as number) + v * (b[k * m + j] as number);
    }
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let k = 0; k < m; k++) {
      const v = ab[i * m + k] as number;
      if (v === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] = (out[i * m + j] as number) + v * (a[k * m + j] as number);
    }
  return out;
}
