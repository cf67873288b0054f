import { createScorer, type TextAnalyzer } from '../../src/index.js';
import { fit, type FitOptions } from '../../src/calibrate.js';
import { seededRandom } from '../../src/calibrate/seeded-random.js';
import type { EvalRow } from './read-data.js';
import { rocAuc } from './roc-auc.js';
import { fitHashedBaseline } from './hashed-ngram-baseline.js';

export interface FitThenTest {
  /** Out-of-fold AUC pooled over all rows, and the per-fold mean ± sd. */
  pooled: number;
  mean: number;
  sd: number;
  /** Learned terms per fold, on average (0 for variants without terms). */
  terms: number;
  ms: number;
}

/** Stratified folds (complaints and the rest dealt round robin after a seeded shuffle), the same for every variant. */
export function stratifiedFolds(rows: readonly EvalRow[], k: number, seed = 1): number[] {
  const random = seededRandom(seed);
  const fold = new Array<number>(rows.length).fill(0);
  for (const cls of [true, false]) {
    const members = rows.flatMap((r, i) => (r.negative === cls ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j] as number, members[i] as number];
    }
    members.forEach((row, r) => (fold[row] = r % k));
  }
  return fold;
}

/**
 * k-fold cross-validation of `fit` as a data team would use it: fit on the
 * other folds' rows (text only, channel `other`), score the held-out fold
 * with `createScorer(model)`, and rank by the probability.
 */
export function crossValidateFit(rows: readonly EvalRow[], folds: readonly number[], k: number, options: FitOptions, analyzer?: TextAnalyzer): FitThenTest {
  const started = performance.now();
  const scores = new Array<number>(rows.length);
  const aucs: number[] = [];
  let terms = 0;
  for (let f = 0; f < k; f++) {
    const train = rows.flatMap((r, i) => (folds[i] === f ? [] : [{ channel: 'other' as const, text: r.text, label: r.negative }]));
    const { model, report } = fit(train, { ...options, ...(analyzer !== undefined ? { analyzer } : {}) });
    terms += report.terms?.learned ?? 0;
    const scorer = createScorer(model, analyzer !== undefined ? { analyzer } : {});
    const test: number[] = [];
    rows.forEach((r, i) => {
      if (folds[i] !== f) return;
      scores[i] = scorer.score({ channel: 'other', text: r.text }).probability;
      test.push(i);
    });
    aucs.push(rocAuc(test.map((i) => scores[i] as number), test.map((i) => (rows[i] as EvalRow).negative)));
  }
  return summarise(rows, scores, aucs, terms / k, started);
}

/** The same folds for the hashed n-gram baseline. */
export function crossValidateBaseline(rows: readonly EvalRow[], folds: readonly number[], k: number): FitThenTest {
  const started = performance.now();
  const texts = rows.map((r) => r.text);
  const labels = rows.map((r) => r.negative);
  const scores = new Array<number>(rows.length);
  const aucs: number[] = [];
  for (let f = 0; f < k; f++) {
    const train = rows.flatMap((_, i) => (folds[i] === f ? [] : [i]));
    const score = fitHashedBaseline(texts, labels, train);
    const test = rows.flatMap((_, i) => (folds[i] === f ? [i] : []));
    for (const i of test) scores[i] = score(texts[i] as string);
    aucs.push(rocAuc(test.map((i) => scores[i] as number), test.map((i) => labels[i] as boolean)));
  }
  return summarise(rows, scores, aucs, 0, started);
}

function summarise(rows: readonly EvalRow[], scores: number[], aucs: number[], terms: number, started: number): FitThenTest {
  const mean = aucs.reduce((a, b) => a + b, 0) / aucs.length;
  const sd = Math.sqrt(aucs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, aucs.length - 1));
  return { pooled: rocAuc(scores, rows.map((r) => r.negative)), mean, sd, terms, ms: performance.now() - started };
}
