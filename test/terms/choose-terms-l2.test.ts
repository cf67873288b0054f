import { describe, expect, it } from 'vitest';
import { chooseTermsL2, TERMS_L2_GRID } from '../../src/calibrate/learned-terms/choose-terms-l2.js';
import { problemRows } from '../../src/calibrate/learned-terms/problem-rows.js';
import { solveSparseLogistic, type SparseLogisticProblem } from '../../src/calibrate/sparse-solver.js';
import { seededRandom } from '../../src/calibrate/seeded-random.js';

/** Two dense signals and `terms` words, a few of them telling, over `rows` rows (weighted when asked). */
function wordsProblem(rows: number, terms: number, seed: number, weighted = false): SparseLogisticProblem {
  const random = seededRandom(seed);
  const dense = new Float64Array(rows * 2);
  const y = new Uint8Array(rows);
  const rowStart = new Int32Array(rows + 1);
  const column: number[] = [];
  for (let i = 0; i < rows; i++) {
    dense[2 * i] = random() < 0.3 ? 1 : 0;
    dense[2 * i + 1] = random() * 4;
    let eta = -1.5 + 0.8 * (dense[2 * i] as number) + 0.2 * (dense[2 * i + 1] as number);
    for (let k = 0; k < terms; k++)
      if (random() < 0.08) {
        column.push(k);
        eta += k < 4 ? 1.2 : 0;
      }
    rowStart[i + 1] = column.length;
    y[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  const weights = weighted ? Float64Array.from({ length: rows }, () => 0.5 + random()) : undefined;
  return { rows, dense, denseCols: 2, sparse: { rowStart, column: Int32Array.from(column), columns: terms }, y, weights };
}

describe('the choice of the terms’ l2', () => {
  it('walks the grid from the strongest penalty and stops at the first rise after the best', () => {
    for (const [rows, terms, seed] of [
      [600, 40, 1],
      [400, 120, 2],
      [1500, 15, 3],
    ] as const) {
      const choice = chooseTermsL2(wordsProblem(rows, terms, seed), 1);
      const tried = choice.path.map((p) => p.l2);
      expect(tried).toEqual(TERMS_L2_GRID.slice(0, tried.length));
      const best = Math.min(...choice.path.map((p) => p.logLoss));
      expect(choice.path.find((p) => p.l2 === choice.l2)?.logLoss).toBe(best);
      // Falling up to the best; when the walk stopped early, the last strength tried rose above it.
      const at = tried.indexOf(choice.l2);
      for (let g = 1; g <= at; g++) expect((choice.path[g] as { logLoss: number }).logLoss).toBeLessThan((choice.path[g - 1] as { logLoss: number }).logLoss);
      if (tried.length < TERMS_L2_GRID.length) expect(tried.length).toBe(at + 2);
      expect(choice.start.sparse.length).toBe(terms);
    }
  });

  it('a sample copied out by problemRows fits exactly as the same rows in place', () => {
    const problem = wordsProblem(500, 30, 4, true);
    const rows = Int32Array.from({ length: 250 }, (_, r) => 2 * r);
    const options = { l2Dense: 1, l2Sparse: 4 };
    const inPlace = solveSparseLogistic({ ...problem, rowIndex: rows }, options);
    const copied = solveSparseLogistic(problemRows(problem, rows), options);
    expect(copied.intercept).toBe(inPlace.intercept);
    expect([...copied.dense]).toEqual([...inPlace.dense]);
    expect([...copied.sparse]).toEqual([...inPlace.sparse]);
  });
});
