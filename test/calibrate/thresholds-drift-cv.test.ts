import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/index.js';
import { chooseBands, chooseThreshold, crossValidate, drift, fit, withBands } from '../../src/calibrate.js';
import { syntheticData, syntheticInteractions } from '../support/synthetic.js';

const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
const labels = [1, 0, 1, 0, 0, 0, 0, 1, 0, 0];

describe('choosing thresholds', () => {
  it('by recall: the highest cut-off that catches the share asked for', () => {
    expect(chooseThreshold(scores, labels, { recall: 0.6 }).threshold).toBe(0.7);
    expect(chooseThreshold(scores, labels, { recall: 1 }).threshold).toBe(0.2);
  });

  it('by precision: the lowest cut-off that keeps it', () => {
    const pick = chooseThreshold(scores, labels, { precision: 0.6 });
    expect(pick.threshold).toBe(0.7);
    expect(pick.confusion.precision).toBeGreaterThanOrEqual(0.6);
    expect(() => chooseThreshold([0.5, 0.4], [0, 1], { precision: 0.9 })).toThrow(/no threshold/);
  });

  it('by cost: minimises intervention plus complaint cost on the rows', () => {
    // C = 200, c = 50: flag top 1 → 50 + 2·200 = 450; top 3 → 150 + 200 = 350; top 8 → 400; nobody → 600.
    const pick = chooseThreshold(scores, labels, { complaintCost: 200, interventionCost: 50 });
    expect(pick.threshold).toBe(0.7);
    expect(pick.cost).toEqual({ total: 350, withoutIntervention: 600, breakEvenProbability: 0.25 });
  });

  it('by capacity: the riskiest N of a day’s volume', () => {
    // 40 call-backs a day out of 200 contacts = 20 % → the top 2 of these 10 rows.
    const pick = chooseThreshold(scores, labels, { capacity: 40, volume: 200 });
    expect(pick.threshold).toBe(0.8);
    expect(pick.confusion.flaggedRate).toBe(0.2);
  });

  it('writes chosen bands into a new, validated model', () => {
    const data = syntheticData(2_000, 21);
    const { model, probabilities } = fit(data.records, { baseModel: data.truth });
    const y = data.records.map((r) => (r.label ? 1 : 0));
    const { model: banded, chosen } = chooseBands(model, probabilities, y, {
      medium: { recall: 0.9 },
      high: { capacity: 150, volume: 1_000 },
      critical: { precision: 0.8 },
    });
    expect(banded).not.toBe(model);
    expect(banded.bands.high).toBe(chosen.high?.threshold);
    expect(banded.bands.medium).toBeLessThan(banded.bands.high);
    expect(banded.bands.high).toBeLessThan(banded.bands.critical);
    expect(parseModel(JSON.parse(JSON.stringify(banded))).bands).toEqual(banded.bands);
    expect(() => withBands(model, { medium: 0.9 })).toThrow(/must increase/);
  });
});

describe('drift', () => {
  it('finds no drift between two samples of one population and a major one when a signal shifts', () => {
    const truth = syntheticData(10, 1).truth;
    const a = syntheticInteractions(4_000, 31);
    const b = syntheticInteractions(4_000, 32);
    const same = drift(truth, a, b);
    expect(same.score.verdict).toBe('stable');
    for (const c of same.columns) expect(c.verdict).toBe('stable');
    const shifted = b.map((x) => ({ ...x, waitSeconds: (x.waitSeconds ?? 0) * 6, unresolved: true }));
    const moved = drift(truth, a, shifted);
    expect(moved.score.verdict).toBe('major');
    expect(moved.columns.slice(0, 2).map((c) => c.column).sort()).toEqual(['unresolved', 'wait']);
  });
});

describe('cross-validation', () => {
  it('stratifies folds and gives an honest out-of-fold estimate close to the truth', () => {
    const data = syntheticData(5_000, 41);
    const cv = crossValidate(data.records, { baseModel: data.truth, folds: 5, seed: 3 });
    expect(cv.folds).toHaveLength(5);
    const rates = cv.folds.map((f) => f.complaints / f.rows);
    expect(Math.max(...rates) - Math.min(...rates)).toBeLessThan(0.005);
    expect(cv.folds.reduce((s, f) => s + f.rows, 0)).toBe(5_000);
    expect(cv.pooled.rows).toBe(5_000);
    expect(cv.mean.auc).toBeGreaterThan(0.8);
    expect(cv.sd.auc).toBeGreaterThan(0);
    expect(cv.mean.ece).toBeLessThan(0.04);
  });
});
