import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solveSparseLogistic, conditionalDenseStandardErrors, type SparseLogisticFit, type SparseLogisticProblem } from '../../src/calibrate/sparse-solver.js';
import { solveLogistic } from '../../src/calibrate/newton-solver.js';
import { standardizeColumns } from '../../src/calibrate/column-standardization.js';
import { fitLogisticMatrix, DegenerateDataError } from '../../src/calibrate/fit-matrix.js';
import { seededRandom } from '../../src/calibrate/seeded-random.js';

interface Shape {
  rows: number;
  denseCols: number;
  terms: number;
  /** Chance that a row holds a given term, before the per-term spread. */
  density: number;
  seed: number;
}

/** Dense columns like model signals (a flag, an offset count, a score), terms of uneven frequency, labels from a known model. */
function randomProblem({ rows, denseCols, terms, density, seed }: Shape): SparseLogisticProblem {
  const random = seededRandom(seed);
  const dense = new Float64Array(rows * denseCols);
  const y = new Uint8Array(rows);
  const rowStart = new Int32Array(rows + 1);
  const column: number[] = [];
  const termWeight = Array.from({ length: terms }, () => (random() - 0.5) * 3);
  const termRate = Array.from({ length: terms }, (_, k) => density * (0.3 + (2 * (terms - k)) / Math.max(1, terms)));
  for (let i = 0; i < rows; i++) {
    let eta = -0.8;
    for (let j = 0; j < denseCols; j++) {
      const v = j % 3 === 0 ? (random() < 0.35 ? 1 : 0) : j % 3 === 1 ? 20 + Math.floor(random() * 6) : random() * 2 - 1;
      dense[i * denseCols + j] = v;
      eta += ((j % 2 === 0 ? 0.6 : -0.4) * (v - (j % 3 === 1 ? 22 : 0))) / 2;
    }
    for (let k = 0; k < terms; k++)
      if (random() < (termRate[k] as number)) {
        column.push(k);
        eta += termWeight[k] as number;
      }
    rowStart[i + 1] = column.length;
    y[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  // Both classes, whatever the draw.
  y[0] = 1;
  y[1] = 0;
  return { rows, dense, denseCols, sparse: { rowStart, column: Int32Array.from(column), columns: terms }, y };
}

/**
 * The same problem for the dense Newton solver: terms become dense columns
 * with shift 0 and scale √(l2Dense / l2Sparse), so its one l2 on the scaled
 * weights is l2Sparse on the raw term weights.
 */
function denseReference(problem: SparseLogisticProblem, l2Dense: number, l2Sparse: number) {
  const { rows, denseCols: d, weights, rowIndex } = problem;
  const m = problem.sparse.columns;
  const cols = d + m;
  const x = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < d; j++) x[i * cols + j] = problem.dense[i * d + j] as number;
    for (let p = problem.sparse.rowStart[i] as number; p < (problem.sparse.rowStart[i + 1] as number); p++) x[i * cols + d + (problem.sparse.column[p] as number)] = 1;
  }
  const stats = standardizeColumns(problem.dense, rows, d, weights, rowIndex);
  const shift = new Float64Array(cols);
  const scale = new Float64Array(cols);
  for (let j = 0; j < d; j++) {
    shift[j] = stats.means[j] as number;
    scale[j] = 1 / (stats.sds[j] as number);
  }
  scale.fill(Math.sqrt(l2Dense / l2Sparse), d);
  const solution = solveLogistic({ x, rows, cols, y: problem.y, weights, rowIndex, shift, scale }, { l2: l2Dense });
  const beta = new Float64Array(cols);
  let intercept = solution.theta[0] as number;
  for (let j = 0; j < cols; j++) {
    beta[j] = (solution.theta[j + 1] as number) * (scale[j] as number);
    intercept -= (beta[j] as number) * (shift[j] as number);
  }
  return { solution, intercept, dense: beta.subarray(0, d), sparse: beta.subarray(d) };
}

/** The penalised gradient at a returned solution, computed afresh from its raw weights (not by the solver's code). */
function gradientAt(problem: SparseLogisticProblem, fit: SparseLogisticFit): Float64Array {
  const { rows, denseCols: d, weights, rowIndex } = problem;
  const m = problem.sparse.columns;
  const g = new Float64Array(1 + d + m);
  const count = rowIndex ? rowIndex.length : rows;
  for (let r = 0; r < count; r++) {
    const i = rowIndex ? (rowIndex[r] as number) : r;
    const w = weights ? (weights[i] as number) : 1;
    let eta = fit.intercept;
    for (let j = 0; j < d; j++) eta += (fit.dense[j] as number) * (problem.dense[i * d + j] as number);
    const start = problem.sparse.rowStart[i] as number;
    const end = problem.sparse.rowStart[i + 1] as number;
    for (let p = start; p < end; p++) eta += fit.sparse[problem.sparse.column[p] as number] as number;
    const residual = w * (1 / (1 + Math.exp(-eta)) - (problem.y[i] as number));
    g[0] = (g[0] as number) + residual;
    for (let j = 0; j < d; j++)
      if (!fit.dropped.includes(j)) g[1 + j] = (g[1 + j] as number) + (residual * ((problem.dense[i * d + j] as number) - (fit.means[j] as number))) / (fit.sds[j] as number);
    for (let p = start; p < end; p++) {
      const k = 1 + d + (problem.sparse.column[p] as number);
      g[k] = (g[k] as number) + residual;
    }
  }
  for (let j = 0; j < d; j++) if (!fit.dropped.includes(j)) g[1 + j] = (g[1 + j] as number) + fit.l2Dense * (fit.dense[j] as number) * (fit.sds[j] as number);
  for (let k = 0; k < m; k++) g[1 + d + k] = (g[1 + d + k] as number) + fit.l2Sparse * (fit.sparse[k] as number);
  return g;
}

const maxAbs = (v: ArrayLike<number>): number => Array.from(v).reduce((a, b) => Math.max(a, Math.abs(b)), 0);
const closeTo = (a: number, b: number, relative: number): boolean => Math.abs(a - b) <= relative * Math.max(1, Math.abs(b));

describe('sparse solver (trust-region Newton-CG)', () => {
  const base = randomProblem({ rows: 1_500, denseCols: 4, terms: 25, density: 0.04, seed: 21 });
  const random = seededRandom(5);
  const rowWeights = Float64Array.from({ length: base.rows }, () => 0.2 + 2 * random());
  rowWeights[7] = 0;
  const fold = Int32Array.from({ length: 1_000 }, (_, r) => (r * 3) % base.rows);
  fold[0] = 0;
  fold[1] = 1;
  const variants: [string, SparseLogisticProblem][] = [
    ['all rows, unit weights', base],
    ['row weights', { ...base, weights: rowWeights }],
    ['a rowIndex fold', { ...base, rowIndex: fold }],
    ['row weights and a rowIndex fold', { ...base, weights: rowWeights, rowIndex: fold }],
  ];
  for (const [label, problem] of variants)
    it(`reaches the dense Newton solver's optimum: ${label}`, () => {
      const fit = solveSparseLogistic(problem, { l2Dense: 0.8, l2Sparse: 2.5 });
      const reference = denseReference(problem, 0.8, 2.5);
      expect(fit.converged).toBe(true);
      expect(reference.solution.converged).toBe(true);
      expect(Math.abs(fit.logLikelihood - reference.solution.logLikelihood) / Math.abs(reference.solution.logLikelihood)).toBeLessThan(1e-9);
      expect(closeTo(fit.intercept, reference.intercept, 1e-6)).toBe(true);
      fit.dense.forEach((b, j) => expect(closeTo(b, reference.dense[j] as number, 1e-6), `dense ${j}`).toBe(true));
      fit.sparse.forEach((b, k) => expect(closeTo(b, reference.sparse[k] as number, 1e-6), `term ${k}`).toBe(true));
      expect(fit.totalWeight).toBeCloseTo(reference.solution.totalWeight, 9);
    });

  it("returns the dense block of the full Hessian: the dense weights' curvature with the terms held fixed", () => {
    const fit = solveSparseLogistic(base, { l2Dense: 0.8, l2Sparse: 2.5 });
    const { solution } = denseReference(base, 0.8, 2.5);
    const d = base.denseCols + 1;
    const full = base.denseCols + base.sparse.columns + 1;
    for (let a = 0; a < d; a++)
      for (let b = 0; b < d; b++) expect(closeTo(fit.denseHessian[a * d + b] as number, solution.hessian[a * full + b] as number, 1e-6)).toBe(true);
  });

  it('without terms, gives the dense fit and its standard errors', () => {
    const problem = randomProblem({ rows: 800, denseCols: 3, terms: 0, density: 0, seed: 4 });
    const fit = solveSparseLogistic(problem, { l2Dense: 1, l2Sparse: 1 });
    const dense = fitLogisticMatrix(problem.dense, problem.rows, problem.denseCols, problem.y, { l2: 1 });
    const errors = conditionalDenseStandardErrors(fit);
    expect(closeTo(fit.intercept, dense.intercept, 1e-7)).toBe(true);
    expect(closeTo(errors.intercept, dense.interceptStandardError, 1e-6)).toBe(true);
    for (let j = 0; j < problem.denseCols; j++) {
      expect(closeTo(fit.dense[j] as number, dense.coefficients[j] as number, 1e-7)).toBe(true);
      expect(closeTo(errors.dense[j] as number, dense.standardErrors[j] as number, 1e-6)).toBe(true);
    }
    expect(fit.nullLogLikelihood).toBeCloseTo(dense.nullLogLikelihood, 9);
  });

  it('a warm start from a neighbouring l2 converges in fewer steps, to the same optimum', () => {
    const problem = randomProblem({ rows: 3_000, denseCols: 5, terms: 300, density: 0.01, seed: 8 });
    const first = solveSparseLogistic(problem, { l2Dense: 1, l2Sparse: 1 });
    const cold = solveSparseLogistic(problem, { l2Dense: 0.7, l2Sparse: 0.7 });
    const warm = solveSparseLogistic(problem, { l2Dense: 0.7, l2Sparse: 0.7, start: first });
    expect(cold.converged && warm.converged).toBe(true);
    expect(warm.iterations).toBeLessThan(cold.iterations);
    expect(warm.hessianProducts).toBeLessThan(cold.hessianProducts);
    expect(closeTo(warm.objective, cold.objective, 1e-10)).toBe(true);
    warm.sparse.forEach((b, k) => expect(closeTo(b, cold.sparse[k] as number, 1e-5)).toBe(true));
  });

  it('holds a constant dense column at zero and lists it, or names it when asked to refuse', () => {
    const problem = randomProblem({ rows: 600, denseCols: 3, terms: 10, density: 0.05, seed: 2 });
    const dense = problem.dense.slice();
    for (let i = 0; i < problem.rows; i++) dense[i * 3 + 2] = 4;
    const fit = solveSparseLogistic({ ...problem, dense }, { l2Dense: 1, l2Sparse: 1 });
    expect(fit.converged).toBe(true);
    expect(fit.dropped).toEqual([2]);
    expect(fit.dense[2]).toBe(0);
    expect(Number.isNaN(conditionalDenseStandardErrors(fit).dense[2])).toBe(true);
    expect(() => solveSparseLogistic({ ...problem, dense }, { l2Dense: 1, l2Sparse: 1, constantColumns: 'error', denseNames: ['a', 'b', 'tenure'] })).toThrow(
      /constant column "tenure"/,
    );
  });

  describe('degenerate data fails with a worded DegenerateDataError', () => {
    const problem = randomProblem({ rows: 200, denseCols: 2, terms: 5, density: 0.1, seed: 3 });
    const options = { l2Dense: 1, l2Sparse: 1 };
    const cases: [string, () => SparseLogisticProblem, RegExp][] = [
      ['one class', () => ({ ...problem, y: new Uint8Array(problem.rows) }), /only one class in the data \(no positive \(complaint\) labels/],
      ['all weights zero', () => ({ ...problem, weights: new Float64Array(problem.rows) }), /every row taking part has weight 0/],
      ['one class in the fold', () => ({ ...problem, rowIndex: Int32Array.from({ length: 50 }, (_, r) => 2 + r).filter((i) => problem.y[i] === 0) }), /only one class/],
      ['a non-finite dense value', () => ({ ...problem, dense: Object.assign(problem.dense.slice(), { 5: Number.NaN }) }), /row 2: dense column 1 is not a finite number/],
      ['an infinite weight', () => ({ ...problem, weights: Object.assign(new Float64Array(problem.rows).fill(1), { 9: Infinity }) }), /row 9 has weight Infinity/],
      ['a label that is not 0 or 1', () => ({ ...problem, y: Object.assign(Uint8Array.from(problem.y), { 4: 2 }) }), /row 4 has label 2/],
      ['no rows', () => ({ ...problem, rowIndex: new Int32Array(0) }), /no rows to fit/],
    ];
    for (const [label, make, message] of cases)
      it(label, () => {
        const run = () => solveSparseLogistic(make(), options);
        expect(run).toThrow(DegenerateDataError);
        expect(run).toThrow(message);
      });
  });

  it('refuses a malformed sparse matrix or start by name (RangeError)', () => {
    const problem = randomProblem({ rows: 100, denseCols: 1, terms: 4, density: 0.2, seed: 6 });
    const { rowStart, column } = problem.sparse;
    const withColumn = (k: number): SparseLogisticProblem => ({ ...problem, sparse: { ...problem.sparse, column: Object.assign(column.slice(), { 0: k }) } });
    const options = { l2Dense: 1, l2Sparse: 1 };
    expect(() => solveSparseLogistic(withColumn(4), options)).toThrow(/lists sparse column 4; columns are 0 … 3/);
    expect(() => solveSparseLogistic({ ...problem, sparse: { ...problem.sparse, rowStart: rowStart.subarray(1) } }, options)).toThrow(/rowStart has 100 entries/);
    const tiny: SparseLogisticProblem = { rows: 3, dense: new Float64Array(0), denseCols: 0, y: Uint8Array.from([1, 0, 1]), sparse: { rowStart: Int32Array.from([0, 2, 3, 3]), column: Int32Array.from([1, 1, 0]), columns: 2 } };
    expect(() => solveSparseLogistic(tiny, options)).toThrow(/row 0 lists sparse column 1 twice/);
    expect(() => solveSparseLogistic({ ...problem, rowIndex: Int32Array.from([0, 100]) }, options)).toThrow(RangeError);
    expect(() => solveSparseLogistic(problem, { ...options, l2Sparse: -1 })).toThrow(/l2Sparse must be a finite number ≥ 0/);
    expect(() => solveSparseLogistic(problem, { ...options, start: { intercept: 0, dense: [0], sparse: [0, 0] } })).toThrow(/start has 1 dense and 2 sparse weights; the problem has 1 and 4/);
  });

  it('property: on random sparse problems the gradient at the returned solution is below the tolerance', () => {
    const tolerance = 1e-8;
    fc.assert(
      fc.property(
        fc.record({
          rows: fc.integer({ min: 40, max: 400 }),
          denseCols: fc.integer({ min: 0, max: 4 }),
          terms: fc.integer({ min: 0, max: 40 }),
          density: fc.double({ min: 0.005, max: 0.2, noNaN: true }),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
        }),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.boolean(),
        fc.boolean(),
        (shape, l2Dense, l2Sparse, weighted, subset) => {
          const problem = randomProblem(shape);
          const random = seededRandom(shape.seed + 1);
          const weights = weighted ? Float64Array.from({ length: shape.rows }, () => (random() < 0.1 ? 0 : 3 * random())) : undefined;
          if (weights) weights[0] = weights[1] = 1;
          const rowIndex = subset ? Int32Array.from([0, 1, ...Array.from({ length: shape.rows - 2 }, (_, r) => r + 2).filter(() => random() < 0.7)]) : undefined;
          const fit = solveSparseLogistic({ ...problem, weights, rowIndex }, { l2Dense, l2Sparse, tolerance });
          const limit = tolerance * Math.max(1, fit.totalWeight);
          expect(fit.converged).toBe(true);
          expect(fit.gradientNorm).toBeLessThanOrEqual(limit);
          // Recomputed independently: allow for rounding in a different summation order.
          expect(maxAbs(gradientAt({ ...problem, weights, rowIndex }, fit))).toBeLessThanOrEqual(2 * limit);
        },
      ),
      { numRuns: 60, seed: 20261123 },
    );
  });
});
