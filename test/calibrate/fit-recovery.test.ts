import { describe, expect, it } from 'vitest';
import { fit, evaluate, evaluateProbabilities } from '../../src/calibrate.js';
import { syntheticData } from '../support/synthetic.js';

/**
 * Recovery on data drawn from a known model. The rule: over 5 seeds of
 * 20 000 rows, at least 90 % of the (weight, seed) pairs — intercept
 * included — have the true value inside the fitted 95 % interval (a correct
 * interval misses 5 % of the time; 90 % leaves room for chance, not for a
 * biased estimate or a too-narrow standard error).
 */
describe('fit recovers a known model', () => {
  const SEEDS = [1, 2, 3, 4, 5];
  const N = 20_000;
  const runs = SEEDS.map((seed) => {
    const data = syntheticData(N, seed);
    const { model, report, probabilities } = fit(data.records, { baseModel: data.truth, id: `synthetic-${seed}` });
    return { seed, data, model, report, probabilities };
  });

  it('converges with a tiny gradient in a few Newton steps', () => {
    for (const { report } of runs) {
      expect(report.converged).toBe(true);
      expect(report.iterations).toBeLessThan(15);
      expect(report.gradientNorm).toBeLessThan(1e-9 * report.totalWeight);
      expect(report.notFitted).toEqual([]);
    }
  });

  it('puts the true weights inside their 95 % intervals for ≥ 90 % of weights over 5 seeds', () => {
    let covered = 0;
    let total = 0;
    for (const { data, report } of runs) {
      for (const w of report.weights) {
        const truth = data.truth.weights[w.column] as number;
        total++;
        if (truth >= w.lower && truth <= w.upper) covered++;
        // A real estimate: the interval is narrow and centred near the truth.
        expect(w.upper - w.lower).toBeLessThan(0.6);
      }
      total++;
      if (data.truth.intercept >= report.intercept.lower && data.truth.intercept <= report.intercept.upper) covered++;
    }
    expect(total).toBe(5 * 14);
    expect(covered / total).toBeGreaterThanOrEqual(0.9);
  });

  it('is calibrated (ECE ≤ 0.02) and ranks as well as the true model (AUC within 0.01)', () => {
    for (const { data, model } of runs) {
      const fitted = evaluate(model, data.records);
      const labels = Uint8Array.from(data.records, (r) => (r.label ? 1 : 0));
      const truth = evaluateProbabilities(data.trueProbabilities, labels, data.truth);
      expect(fitted.ece).toBeLessThanOrEqual(0.02);
      expect(Math.abs(fitted.auc - truth.auc)).toBeLessThanOrEqual(0.01);
      expect(fitted.meanPredicted).toBeCloseTo(fitted.prevalence, 2);
      expect(fitted.aucInterval.lower).toBeLessThan(fitted.auc);
      expect(fitted.aucInterval.upper).toBeGreaterThan(fitted.auc);
    }
  });
});
