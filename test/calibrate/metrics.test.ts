import { describe, expect, it } from 'vitest';
import { averagePrecision, brierScore, confusionAt, liftTable, logLoss, psi, reliability, rocAuc, driftVerdict } from '../../src/calibrate.js';

// Every expected value below is worked out by hand in the comment beside it.
describe('metrics on tiny hand-computed examples', () => {
  it('ROC AUC counts a tie between a complaint and a non-complaint as one half, with the DeLong SE', () => {
    // complaints 0.8, 0.5, 0.5; others 0.5, 0.2. Pairs: 1, 1, ½, 1, ½, 1 → 5/6.
    const scores = [0.8, 0.5, 0.5, 0.5, 0.2];
    const labels = [1, 1, 1, 0, 0];
    const r = rocAuc(scores, labels);
    expect(r.auc).toBeCloseTo(5 / 6, 12);
    // V10 = [1, ¾, ¾] → S10 = 0.0416̅/2; V01 = [⅔, 1] → S01 = 0.0555̅; var = S10/3 + S01/2 = 0.034722̅.
    expect(r.standardError).toBeCloseTo(Math.sqrt(0.0208333333 / 3 + 0.0555555556 / 2), 8);
    expect(r.upper).toBe(1);
  });

  it('ROC AUC is 1 for a perfect ranking and ½ when every score ties', () => {
    expect(rocAuc([0.9, 0.8, 0.1], [1, 1, 0]).auc).toBe(1);
    expect(rocAuc([0.3, 0.3, 0.3, 0.3], [1, 0, 1, 0]).auc).toBe(0.5);
  });

  it('average precision', () => {
    // 0.9 ✓ (R ½, P 1) · 0.8 ✗ · 0.7 ✓ (R 1, P ⅔) → ½·1 + ½·⅔ = ⅚.
    expect(averagePrecision([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0])).toBeCloseTo(5 / 6, 12);
    // Tied scores enter together: one cut at 0.5 with P = ½, R = 1.
    expect(averagePrecision([0.5, 0.5], [0, 1])).toBe(0.5);
  });

  it('Brier score and log loss', () => {
    expect(brierScore([0.1, 0.9, 0.5], [0, 1, 1])).toBeCloseTo((0.01 + 0.01 + 0.25) / 3, 12);
    expect(logLoss([0.8, 0.3], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
    expect(Number.isFinite(logLoss([0, 1], [1, 0]))).toBe(true);
  });

  it('ECE over uniform bins, with the reliability table', () => {
    // bin [0, .1): .05 vs 0 → gap .05 × ¼; bin [.1, .2): mean .135 vs ½ → .365 × ½; bin [.9, 1]: .95 vs 1 → .05 × ¼.
    const r = reliability([0.05, 0.15, 0.12, 0.95], [0, 1, 0, 1], { bins: 10 });
    expect(r.ece).toBeCloseTo(0.0125 + 0.1825 + 0.0125, 12);
    expect(r.mce).toBeCloseTo(0.365, 12);
    expect(r.bins.map((b) => b.count)).toEqual([1, 2, 1]);
    expect(r.bins[1]?.predicted).toBeCloseTo(0.135, 12);
    expect(r.bins[1]?.observed).toBe(0.5);
    // p = 1 falls in the last bin, not past it.
    expect(reliability([1], [1]).bins[0]?.upper).toBe(1);
  });

  it('PSI, with the 0.10 / 0.25 verdicts', () => {
    // Bins (<1), [1, 2), (≥2): reference ¼ ¼ ½, current ½ ¼ ¼ → ¼·ln2 + 0 + (−¼)·ln½ = ½·ln 2.
    const r = psi([0, 1, 2, 2], [0, 0, 1, 2], { edges: [1, 2] });
    expect(r.expected).toEqual([0.25, 0.25, 0.5]);
    expect(r.actual).toEqual([0.5, 0.25, 0.25]);
    expect(r.psi).toBeCloseTo(0.5 * Math.LN2, 12);
    expect(r.verdict).toBe('major');
    expect(psi([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).psi).toBe(0);
    expect([driftVerdict(0.05), driftVerdict(0.1), driftVerdict(0.2), driftVerdict(0.25)]).toEqual(['stable', 'moderate', 'moderate', 'major']);
    // An empty bin stands at 1e-4 instead of zero, so the index stays finite.
    const empty = psi([0, 0, 5, 5], [0, 0, 0, 0], { edges: [1] });
    expect(empty.psi).toBeCloseTo((0.5 - 1) * Math.log(0.5) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5), 12);
  });

  it('lift and gain at the top of the ranking; confusion at a threshold', () => {
    const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
    const labels = [1, 0, 1, 0, 0, 0, 0, 1, 0, 0];
    // Top 10 % = 1 row, a complaint: precision 1, lift 1 / 0.3, gain ⅓. Top 50 %: 2 of 5.
    const [top10, top50] = liftTable(scores, labels, [0.1, 0.5]);
    expect(top10).toMatchObject({ rows: 1, complaints: 1, precision: 1, gain: 1 / 3 });
    expect(top10?.lift).toBeCloseTo(1 / 0.3, 12);
    expect(top50).toMatchObject({ rows: 5, complaints: 2, precision: 0.4 });
    const c = confusionAt(scores, labels, 0.7);
    expect(c).toMatchObject({ truePositives: 2, falsePositives: 1, trueNegatives: 6, falseNegatives: 1, flaggedRate: 0.3 });
    expect(c.precision).toBeCloseTo(2 / 3, 12);
    expect(c.recall).toBeCloseTo(2 / 3, 12);
  });
});
