import { describe, expect, it } from 'vitest';
import { solveLogistic } from '../../src/calibrate/newton-solver.js';
import { seededRandom } from '../../src/calibrate/seeded-random.js';

describe('Newton solver', () => {
  it('reaches the same solution and final Hessian when steps use a row subset for curvature', () => {
    const random = seededRandom(9);
    const rows = 6_000;
    const cols = 5;
    const x = new Float64Array(rows * cols);
    const y = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) {
      let eta = -1.5;
      for (let j = 0; j < cols; j++) {
        const v = j % 2 === 0 ? (random() < 0.4 ? 1 : 0) : random() * 4;
        x[i * cols + j] = v;
        eta += (j - 2) * 0.3 * v;
      }
      y[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    const problem = { x, rows, cols, y };
    const exact = solveLogistic(problem, { l2: 1 });
    const subset = solveLogistic(problem, { l2: 1, hessianRows: 500 });
    expect(exact.converged && subset.converged).toBe(true);
    for (let j = 0; j <= cols; j++) expect(subset.theta[j]).toBeCloseTo(exact.theta[j] as number, 8);
    for (let k = 0; k < exact.hessian.length; k++) expect(subset.hessian[k]).toBeCloseTo(exact.hessian[k] as number, 4);
    expect(subset.logLikelihood).toBeCloseTo(exact.logLikelihood, 8);
  });
});
