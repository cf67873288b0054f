/** Weighted mean and standard deviation of every column, and which columns are constant. */
export interface ColumnStandardization {
  readonly means: Float64Array;
  readonly sds: Float64Array;
  /** 1 where the column takes a single value over the rows (it cannot be fitted). */
  readonly constant: Uint8Array;
}

export class NonFiniteValueError extends Error {
  override name = 'NonFiniteValueError';
  constructor(
    readonly row: number,
    readonly column: number,
  ) {
    super(`non-finite value at row ${row}, column ${column}`);
  }
}

/**
 * Two passes (mean, then spread about it) rather than sums of squares, so a
 * column such as an account balance around 1e6 keeps its precision.
 */
export function standardizeColumns(
  x: Float64Array,
  rows: number,
  cols: number,
  weights?: Float64Array,
  rowIndex?: Int32Array,
): ColumnStandardization {
  const means = new Float64Array(cols);
  const sds = new Float64Array(cols);
  const constant = new Uint8Array(cols);
  const count = rowIndex ? rowIndex.length : rows;
  let total = 0;
  for (let r = 0; r < count; r++) {
    const i = rowIndex ? (rowIndex[r] as number) : r;
    const w = weights ? (weights[i] as number) : 1;
    total += w;
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = x[base + j] as number;
      if (!Number.isFinite(v)) throw new NonFiniteValueError(i, j);
      means[j] = (means[j] as number) + w * v;
    }
  }
  for (let j = 0; j < cols; j++) means[j] = (means[j] as number) / total;
  for (let r = 0; r < count; r++) {
    const i = rowIndex ? (rowIndex[r] as number) : r;
    const w = weights ? (weights[i] as number) : 1;
    if (w === 0) continue;
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const d = (x[base + j] as number) - (means[j] as number);
      sds[j] = (sds[j] as number) + w * d * d;
    }
  }
  for (let j = 0; j < cols; j++) {
    const sd = Math.sqrt((sds[j] as number) / total);
    sds[j] = sd;
    if (!(sd > 1e-10 * Math.max(1, Math.abs(means[j] as number)))) constant[j] = 1;
  }
  return { means, sds, constant };
}
