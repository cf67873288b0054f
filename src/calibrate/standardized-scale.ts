/**
 * The solver's coordinates. Each column is seen as z = (x − shift)·scale (the
 * column statistics come from column-standardization.ts), so one l2 means the
 * same for a flag and a wait. Writing [1, z] = [1, x]·A, A has diagonal
 * (1, scale) and first row (1, −shift·scale); this file holds the maps
 * between the two scales that follow from A. Sums over rows are taken on the
 * raw scale, where flags, one-hot levels and absent text are mostly zero
 * (centring would make every entry non-zero), and mapped here afterwards.
 */
export interface ColumnScaling {
  readonly cols: number;
  /** Subtracted from each raw column (its mean); 0 when absent. */
  readonly shift?: Float64Array | undefined;
  /** Multiplies each shifted column (1 / its sd; 0 holds a constant column out); 1 when absent. */
  readonly scale?: Float64Array | undefined;
}

/**
 * The same linear predictor on the raw columns: β_j = θ_j·scale_j and
 * β_0 = θ_0 − Σ β_j·shift_j. `theta` and the result are intercept first;
 * entries of `theta` past the columns are ignored, and `beta` (cols + 1)
 * may be a work array to write into. The map is linear, so it also carries a
 * direction: [1, z]·v = [1, x]·rawParameters(v).
 */
export function rawParameters(scaling: ColumnScaling, theta: Float64Array, beta = new Float64Array(scaling.cols + 1)): Float64Array {
  const { cols, shift, scale } = scaling;
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
 * The inverse map, for a warm start given on the raw scale: θ_j = β_j / scale_j
 * and θ_0 = β_0 + Σ β_j·shift_j. A column held out (scale 0) starts at 0, and
 * the intercept keeps what its raw weight added at the shift (its constant value).
 */
export function standardizedParameters(scaling: ColumnScaling, intercept: number, weights: ArrayLike<number>, theta: Float64Array): void {
  const { cols, shift, scale } = scaling;
  let t0 = intercept;
  for (let j = 0; j < cols; j++) {
    const b = weights[j] as number;
    const s = scale ? (scale[j] as number) : 1;
    theta[j + 1] = s !== 0 ? b / s : 0;
    t0 += b * (shift ? (shift[j] as number) : 0);
  }
  theta[0] = t0;
}

/**
 * The first row of A: (1, −shift_j·scale_j). It is also the gradient of the
 * raw intercept with respect to θ, which its standard error needs.
 */
export function interceptRow(scaling: ColumnScaling): Float64Array {
  const m = scaling.cols + 1;
  const c = new Float64Array(m);
  c[0] = 1;
  for (let j = 1; j < m; j++) {
    const s = scaling.scale ? (scaling.scale[j - 1] as number) : 1;
    c[j] = -s * (scaling.shift ? (scaling.shift[j - 1] as number) : 0);
  }
  return c;
}

/**
 * Raw-scale sums → standardised ones, in place: the gradient becomes Aᵀg and
 * the Hessian (only its upper triangle is read) the full symmetric AᵀHA.
 * A is a diagonal plus one row, so this costs O(m²), not a matrix product.
 */
export function toStandardized(scaling: ColumnScaling, gradient: Float64Array, hessian: Float64Array): void {
  const m = scaling.cols + 1;
  const d = new Float64Array(m); // diagonal of A
  const c = interceptRow(scaling);
  d[0] = 1;
  for (let j = 1; j < m; j++) d[j] = scaling.scale ? (scaling.scale[j - 1] as number) : 1;
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
  gradientToStandardized(scaling, gradient);
}

/**
 * A raw-scale gradient (intercept first, entries past the columns left
 * alone) → Aᵀg, in place: g_j ← scale_j·(g_j − shift_j·g_0). Hessian–vector
 * products map back the same way, so this allocates nothing.
 */
export function gradientToStandardized(scaling: ColumnScaling, gradient: Float64Array): void {
  const { cols, shift, scale } = scaling;
  const g0 = gradient[0] as number;
  for (let a = 1; a <= cols; a++) {
    const s = scale ? (scale[a - 1] as number) : 1;
    const c = -s * (shift ? (shift[a - 1] as number) : 0);
    gradient[a] = c * g0 + s * (gradient[a] as number);
  }
}
