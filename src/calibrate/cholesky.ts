/**
 * Cholesky factorisation of a symmetric positive-definite matrix stored
 * row-major in a flat array (only the upper triangle is read). Newton steps
 * and covariance matrices both need it; dimensions are the number of model
 * columns (tens to a few hundred), so a plain O(m³) loop is enough.
 */
export class NotPositiveDefiniteError extends Error {
  override name = 'NotPositiveDefiniteError';
  constructor(readonly index: number) {
    super(`matrix is not positive definite at column ${index}`);
  }
}

/** Returns the lower-triangular factor L (row-major m×m) with A = L Lᵀ. */
export function cholesky(a: Float64Array, m: number): Float64Array {
  const l = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let diag = a[j * m + j] as number;
    for (let k = 0; k < j; k++) {
      const v = l[j * m + k] as number;
      diag -= v * v;
    }
    // Relative test: a pivot lost to rounding means the columns are (nearly) collinear.
    if (!(diag > 1e-13 * Math.abs(a[j * m + j] as number)) || !(diag > 0)) throw new NotPositiveDefiniteError(j);
    const ljj = Math.sqrt(diag);
    l[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = a[j * m + i] as number; // upper triangle: A[j][i] = A[i][j]
      for (let k = 0; k < j; k++) s -= (l[i * m + k] as number) * (l[j * m + k] as number);
      l[i * m + j] = s / ljj;
    }
  }
  return l;
}

/** Solves L Lᵀ x = b for x. */
export function choleskySolve(l: Float64Array, m: number, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < m; i++) {
    let s = x[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * m + k] as number) * (x[k] as number);
    x[i] = s / (l[i * m + i] as number);
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = x[i] as number;
    for (let k = i + 1; k < m; k++) s -= (l[k * m + i] as number) * (x[k] as number);
    x[i] = s / (l[i * m + i] as number);
  }
  return x;
}

/** The full inverse (row-major), from a Cholesky factor: used for coefficient covariances. */
export function choleskyInverse(l: Float64Array, m: number): Float64Array {
  const inv = new Float64Array(m * m);
  const e = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    e.fill(0);
    e[c] = 1;
    const col = choleskySolve(l, m, e);
    for (let r = 0; r < m; r++) inv[r * m + c] = col[r] as number;
  }
  return inv;
}
