import { standardizeColumns, NonFiniteValueError } from './column-standardization.js';

/** Data no model can be fitted to (one class, non-finite values, constant or collinear columns), said in the caller's words. */
export class DegenerateDataError extends Error {
  override name = 'DegenerateDataError';
}

/**
 * Checks every label and weight of the rows taking part, and returns each
 * class's total weight: a model needs both classes.
 */
export function classTotals(
  rows: number,
  y: ArrayLike<number>,
  weights: Float64Array | undefined,
  rowIndex: Int32Array | undefined,
): { positive: number; negative: number } {
  let positive = 0;
  let negative = 0;
  const count = rowIndex ? rowIndex.length : rows;
  for (let r = 0; r < count; r++) {
    const i = rowIndex ? (rowIndex[r] as number) : r;
    const w = weights ? (weights[i] as number) : 1;
    if (!(w >= 0) || !Number.isFinite(w)) throw new DegenerateDataError(`row ${i} has weight ${w}; weights must be finite and ≥ 0`);
    if (!Number.isFinite(positive + negative + w))
      throw new DegenerateDataError(`the row weights add up to more than a double holds (past row ${i}): rescale them, for example so that they average 1`);
    const label = y[i];
    if (label === 1) positive += w;
    else if (label === 0) negative += w;
    else throw new DegenerateDataError(`row ${i} has label ${String(label)}; labels must be 0 or 1`);
  }
  if (positive === 0 || negative === 0)
    throw new DegenerateDataError(
      `only one class in the data (${positive === 0 ? 'no positive (complaint) labels' : 'no negative labels'} with weight > 0): a model needs both`,
    );
  return { positive, negative };
}

/** The solver's view of each column: z = (x − mean)·scale, with constant columns held out at scale 0. */
export interface SolverScaling {
  readonly means: Float64Array;
  readonly sds: Float64Array;
  /** 1 / sd, or 0 for a constant column. */
  readonly scale: Float64Array;
  /** 1 where the column is constant over the rows: held at zero, not fitted. */
  readonly constant: Uint8Array;
  /** Indices of the constant columns. */
  readonly dropped: number[];
}

/**
 * Weighted column statistics over the rows taking part, with a non-finite
 * value or (when asked) a constant column refused in the caller's column names.
 */
export function solverScaling(
  x: Float64Array,
  rows: number,
  cols: number,
  options: {
    readonly weights?: Float64Array | undefined;
    readonly rowIndex?: Int32Array | undefined;
    readonly name: (column: number) => string;
    readonly constantColumns?: 'drop' | 'error' | undefined;
  },
): SolverScaling {
  const { weights, rowIndex, name } = options;
  let standardization;
  try {
    standardization = standardizeColumns(x, rows, cols, weights, rowIndex);
  } catch (error) {
    if (error instanceof NonFiniteValueError)
      throw new DegenerateDataError(`row ${error.row}: ${name(error.column)} is not a finite number`);
    throw error;
  }
  const { means, sds, constant } = standardization;
  const dropped: number[] = [];
  const scale = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    if (constant[j]) dropped.push(j);
    else scale[j] = 1 / (sds[j] as number);
  }
  if (dropped.length > 0 && options.constantColumns === 'error')
    throw new DegenerateDataError(
      `constant ${dropped.length === 1 ? 'column' : 'columns'} ${dropped.map((j) => `"${name(j)}"`).join(', ')}: every row has the same value, so no weight can be fitted: drop the feature, or keep its prior weight (constantColumns: 'keepPrior' in fit(), its default; constantColumns: 'drop' in fitLogisticMatrix())`,
    );
  return { means, sds, scale, constant, dropped };
}
