import { describe, expect, it } from 'vitest';
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import { fitLogisticMatrix } from '../../src/calibrate.js';
import { logLikelihoodTerm } from '../../src/calibrate/log-likelihood.js';
import { seededRandom } from '../../src/calibrate/seeded-random.js';

/**
 * ml-logistic-regression is the independent reference: plain gradient
 * ascent on the summed log-likelihood, no intercept, no penalty. Given a
 * column of ones, a step size below 2 / (largest curvature) and enough
 * steps, it reaches the same unpenalised maximum our Newton solver finds.
 */
describe('agreement with ml-logistic-regression', () => {
  it('reaches the same log-likelihood (1e-6 relative) and weights on a well-conditioned problem', () => {
    const random = seededRandom(7);
    const rows = 400;
    const cols = 3;
    const x = new Float64Array(rows * cols);
    const y = new Uint8Array(rows);
    const truth = [0.8, -0.5, 0.3];
    for (let i = 0; i < rows; i++) {
      let eta = -0.4;
      for (let j = 0; j < cols; j++) {
        const v = random() * 2 - 1;
        x[i * cols + j] = v;
        eta += (truth[j] as number) * v;
      }
      y[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    const ours = fitLogisticMatrix(x, rows, cols, y, { l2: 0 });
    expect(ours.converged).toBe(true);

    const withOnes = new Matrix(rows, cols + 1);
    for (let i = 0; i < rows; i++) {
      withOnes.set(i, 0, 1);
      for (let j = 0; j < cols; j++) withOnes.set(i, j + 1, x[i * cols + j] as number);
    }
    const reference = new LogisticRegression({ numSteps: 3000, learningRate: 0.01 });
    reference.train(withOnes, Matrix.columnVector(Array.from(y)));
    // One-vs-rest: classifier 0 models "label ≠ 0", that is P(complaint).
    const w = (reference.classifiers[0] as { weights: Matrix }).weights.to1DArray();

    let theirs = 0;
    for (let i = 0; i < rows; i++) {
      let eta = w[0] as number;
      for (let j = 0; j < cols; j++) eta += (w[j + 1] as number) * (x[i * cols + j] as number);
      theirs += logLikelihoodTerm(y[i] as number, eta);
    }
    expect(Math.abs(theirs - ours.logLikelihood) / Math.abs(ours.logLikelihood)).toBeLessThan(1e-6);
    expect(ours.intercept).toBeCloseTo(w[0] as number, 5);
    for (let j = 0; j < cols; j++) expect(ours.coefficients[j]).toBeCloseTo(w[j + 1] as number, 5);
  });
});
