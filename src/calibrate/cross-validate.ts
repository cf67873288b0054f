import type { LabeledRecords } from './labeled-records.js';
import type { Model } from '../model/model-schema.js';
import { checkOptions } from '../core/options-check.js';
import { crossValidationOptionsSchema } from './option-schemas.js';
import { checkRecords } from './labeled-records.js';
import { fit, type FitOptions } from './fit.js';
import { predictRecords } from './predict.js';
import { evaluateProbabilities, type EvaluationReport } from './evaluate.js';
import { seededRandom } from './seeded-random.js';

export interface CrossValidationOptions extends FitOptions {
  /** Number of folds (default 5). */
  folds?: number;
  /** Seed of the fold assignment (default 1). */
  seed?: number;
}

type Summary = Pick<EvaluationReport, 'auc' | 'prAuc' | 'logLoss' | 'brier' | 'ece'>;
const METRICS = ['auc', 'prAuc', 'logLoss', 'brier', 'ece'] as const;

export interface CrossValidationReport {
  folds: (Summary & { rows: number; complaints: number })[];
  mean: Summary;
  sd: Summary;
  /** Each row's probability from the model that did not see it. */
  outOfFold: Float64Array;
  /** The full report on the out-of-fold probabilities: an honest estimate of the fitted model. */
  pooled: EvaluationReport;
}

/**
 * Stratified k-fold cross-validation: each fold keeps the overall complaint
 * rate, every row is predicted by a model fitted without it, and the fits use
 * exactly the options `fit` will use on all the data.
 */
export function crossValidate(records: LabeledRecords, given: CrossValidationOptions = {}): CrossValidationReport {
  const options = checkOptions(crossValidationOptionsSchema, given, 'cross-validation options') as CrossValidationOptions;
  const k = options.folds ?? 5;
  if (!Number.isInteger(k) || k < 2) throw new RangeError('folds must be a whole number ≥ 2');
  const { labels } = checkRecords(records, true);
  const fold = assignFolds(labels, k, options.seed ?? 1);
  const outOfFold = new Float64Array(records.length);
  const folds: CrossValidationReport['folds'] = [];
  const { onProgress: _ignored, folds: _folds, seed: _seed, ...fitOptions } = options;
  let lastModel;
  for (let f = 0; f < k; f++) {
    const train = records.filter((_, i) => fold[i] !== f);
    const testIndex: number[] = [];
    for (let i = 0; i < records.length; i++) if (fold[i] === f) testIndex.push(i);
    if (testIndex.length === 0) throw new RangeError(`fold ${f + 1} of ${k} is empty: use fewer folds`);
    const { model } = fit(train, fitOptions);
    lastModel = model;
    const test = testIndex.map((i) => records[i]);
    const { probabilities } = predictRecords(model, test, true, options.analyzer !== undefined ? { analyzer: options.analyzer } : {});
    const testLabels = Uint8Array.from(testIndex, (i) => labels[i] as number);
    testIndex.forEach((i, r) => (outOfFold[i] = probabilities[r] as number));
    const report = evaluateProbabilities(probabilities, testLabels, model);
    folds.push({ rows: report.rows, complaints: report.complaints, auc: report.auc, prAuc: report.prAuc, logLoss: report.logLoss, brier: report.brier, ece: report.ece });
  }
  return summarizeFolds(folds, outOfFold, labels, lastModel as NonNullable<typeof lastModel>);
}

/** Mean and SD of each metric over the folds, and the report on the pooled out-of-fold probabilities. */
export function summarizeFolds(folds: CrossValidationReport['folds'], outOfFold: Float64Array, labels: Uint8Array, model: Model): CrossValidationReport {
  const k = folds.length;
  const mean = {} as Summary;
  const sd = {} as Summary;
  for (const metric of METRICS) {
    const values = folds.map((f) => f[metric]);
    const mu = values.reduce((a, b) => a + b, 0) / k;
    mean[metric] = mu;
    sd[metric] = Math.sqrt(values.reduce((a, b) => a + (b - mu) * (b - mu), 0) / (k - 1));
  }
  const pooled = evaluateProbabilities(outOfFold, labels, model);
  return { folds, mean, sd, outOfFold, pooled };
}

/** Complaints and non-complaints are each shuffled and dealt round-robin, so every fold gets its share of both. */
export function assignFolds(labels: Uint8Array, k: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const fold = new Int32Array(labels.length);
  for (const cls of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === cls) members.push(i);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j] as number, members[i] as number];
    }
    members.forEach((row, r) => (fold[row] = r % k));
  }
  return fold;
}
