/**
 * A logistic regression problem with a few dense columns (the model's
 * signals) and many sparse binary ones (learned terms), for the sparse solver.
 * Nothing is copied: folds are row subsets, and dense columns are
 * standardised row by row as the dense solver does.
 */

/**
 * Binary sparse columns in compressed-row form: row i holds the columns
 * column[rowStart[i]] … column[rowStart[i + 1] − 1], each with value 1 and
 * each at most once.
 */
export interface BinaryCsr {
  /** rows + 1 offsets into `column`, starting at 0 and never decreasing. */
  readonly rowStart: Int32Array;
  /** Column index (0 … columns − 1) of every stored 1. */
  readonly column: Int32Array;
  /** Number of sparse columns (the term vocabulary size). */
  readonly columns: number;
}

export interface SparseLogisticProblem {
  readonly rows: number;
  /** Row-major rows × denseCols values; must be finite. */
  readonly dense: Float64Array;
  readonly denseCols: number;
  readonly sparse: BinaryCsr;
  /** Labels, 0 or 1. */
  readonly y: ArrayLike<number>;
  /** Per-row weights ≥ 0 (sample × class); all 1 when absent. */
  readonly weights?: Float64Array | undefined;
  /** Only these rows take part (cross-validation folds); all rows when absent. */
  readonly rowIndex?: Int32Array | undefined;
}

/**
 * Shape checks: these are the caller's construction mistakes, so they are
 * RangeErrors naming what is wrong. The content (labels, weights, values) is
 * checked by the solver and reported as degenerate data.
 */
export function checkSparseShape(problem: SparseLogisticProblem): void {
  const { rows, dense, denseCols, sparse, y, weights, rowIndex } = problem;
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a whole number ≥ 0, got ${rows}`);
  if (!Number.isInteger(denseCols) || denseCols < 0) throw new RangeError(`denseCols must be a whole number ≥ 0, got ${denseCols}`);
  if (dense.length !== rows * denseCols) throw new RangeError(`dense has ${dense.length} values; rows × denseCols = ${rows * denseCols}`);
  if (y.length < rows) throw new RangeError(`y has ${y.length} labels for ${rows} rows`);
  if (weights !== undefined && weights.length < rows) throw new RangeError(`weights has ${weights.length} entries for ${rows} rows`);
  if (rowIndex !== undefined)
    for (let r = 0; r < rowIndex.length; r++) {
      const i = rowIndex[r] as number;
      if (!(i >= 0 && i < rows)) throw new RangeError(`rowIndex[${r}] = ${i} is not a row (0 … ${rows - 1})`);
    }
  checkCsr(sparse, rows);
}

/** O(rows + non-zeros) with one mark per column, so a duplicated term in a row is found without sorting. */
function checkCsr(sparse: BinaryCsr, rows: number): void {
  const { rowStart, column, columns } = sparse;
  if (!Number.isInteger(columns) || columns < 0) throw new RangeError(`sparse.columns must be a whole number ≥ 0, got ${columns}`);
  if (rowStart.length !== rows + 1) throw new RangeError(`sparse.rowStart has ${rowStart.length} entries; it needs rows + 1 = ${rows + 1}`);
  if (rowStart[0] !== 0) throw new RangeError(`sparse.rowStart[0] must be 0, got ${rowStart[0]}`);
  if (rowStart[rows] !== column.length)
    throw new RangeError(`sparse.rowStart[${rows}] = ${rowStart[rows]} must equal the number of stored entries (${column.length})`);
  const lastSeen = new Int32Array(columns).fill(-1);
  for (let i = 0; i < rows; i++) {
    const start = rowStart[i] as number;
    const end = rowStart[i + 1] as number;
    if (end < start) throw new RangeError(`sparse.rowStart decreases at row ${i} (${start} → ${end})`);
    for (let p = start; p < end; p++) {
      const k = column[p] as number;
      if (!(k >= 0 && k < columns)) throw new RangeError(`row ${i} lists sparse column ${k}; columns are 0 … ${columns - 1}`);
      if (lastSeen[k] === i) throw new RangeError(`row ${i} lists sparse column ${k} twice; each term is stored once (values are all 1)`);
      lastSeen[k] = i;
    }
  }
}
