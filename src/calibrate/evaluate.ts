import type { Model } from '../model/model-schema.js';
import { checkOptions } from '../core/options-check.js';
import { evaluationOptionsSchema } from './option-schemas.js';
import type { Band } from '../core/types.js';
import { BAND_ORDER, bandOf } from '../scorer/band.js';
import { logit } from '../core/logistic.js';
import type { LabeledRecords } from './labeled-records.js';
import { predictRecords, type PredictOptions } from './predict.js';
import { rocAuc, rocCurve } from './metrics/roc-auc.js';
import { averagePrecision } from './metrics/precision-recall.js';
import { brierScore, logLoss } from './metrics/probability-scores.js';
import { reliability, type ReliabilityBin } from './metrics/reliability.js';
import { confusionAt, liftTable, type Confusion, type LiftRow } from './metrics/ranking.js';

export interface EvaluationOptions extends PredictOptions {
  /** Threshold of the confusion matrix (default: the model's `high` band). */
  threshold?: number;
  /** Reliability bins (default 10) and their layout (default 'uniform'). */
  bins?: number;
  binning?: 'uniform' | 'quantile';
  /** Shares of the riskiest rows for the lift table (default 1 %, 5 %, 10 %). */
  liftAt?: readonly number[];
  /**
   * Per-row weights for `evaluateProbabilities` (`evaluate` takes each
   * record's `weight`): every figure is then as if a row of weight 2 were
   * there twice; counts (rows, complaints, confusion, bands) are total weights.
   */
  weights?: ArrayLike<number>;
}

export interface EvaluationReport {
  modelId: string;
  rows: number;
  complaints: number;
  /** Observed complaint rate. */
  prevalence: number;
  /** Mean predicted probability: should be close to the prevalence. */
  meanPredicted: number;
  auc: number;
  /** DeLong 95 % interval of the ROC AUC. */
  aucInterval: { lower: number; upper: number; standardError: number };
  /** Average precision (area under the precision-recall curve); a random model scores the prevalence. */
  prAuc: number;
  logLoss: number;
  brier: number;
  /** Expected calibration error over the reliability bins. */
  ece: number;
  /** Largest calibration gap of any bin. */
  mce: number;
  reliability: ReliabilityBin[];
  lift: LiftRow[];
  confusion: Confusion;
  /** Rows and complaint rate per band of the model. */
  bands: { band: Band; rows: number; complaints: number; rate: number }[];
  /** Up to ~200 points of the ROC curve, for plotting. */
  roc: { fpr: number; tpr: number }[];
  /** Score histograms per class on the log-odds scale, for plotting. */
  distribution: { edges: number[]; complaints: number[]; others: number[] };
}

/** How well a model ranks and how honest its probabilities are on labelled records. */
export function evaluate(model: Model, records: LabeledRecords, given: EvaluationOptions = {}): EvaluationReport {
  const options = checkOptions(evaluationOptionsSchema, given, 'evaluation options') as EvaluationOptions;
  const { weights: _given, ...rest } = options;
  const { probabilities, labels, weights, design } = predictRecords(model, records, true, rest);
  return evaluateProbabilities(probabilities, labels, design.compiled.model, { ...rest, ...(weights !== undefined ? { weights } : {}) });
}

/** The same report from probabilities already computed (cross-validation, other models). */
export function evaluateProbabilities(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  model: Model,
  given: EvaluationOptions = {},
): EvaluationReport {
  const options = checkOptions(evaluationOptionsSchema, given, 'evaluation options') as EvaluationOptions;
  const count = probabilities.length;
  if (count === 0) throw new RangeError('evaluation needs at least one record');
  const weights = options.weights;
  if (weights !== undefined && weights.length !== count) throw new RangeError(`weights has ${weights.length} entries for ${count} rows`);
  const weightOf = (i: number): number => (weights === undefined ? 1 : (weights[i] as number));
  let complaints = 0;
  let sumP = 0;
  let n = 0;
  for (let i = 0; i < count; i++) {
    const w = weightOf(i);
    complaints += labels[i] === 1 ? w : 0;
    sumP += w * (probabilities[i] as number);
    n += w;
  }
  if (complaints === 0 || complaints === n)
    throw new RangeError(`evaluation needs both classes: the records hold ${complaints === 0 ? 'no complaints' : 'only complaints'}`);
  const roc = rocAuc(probabilities, labels, weights);
  const calibration = reliability(probabilities, labels, {
    ...(options.bins !== undefined ? { bins: options.bins } : {}),
    strategy: options.binning ?? 'uniform',
    weights,
  });
  const bandCounts = BAND_ORDER.map((band) => ({ band, rows: 0, complaints: 0, rate: 0 }));
  for (let i = 0; i < count; i++) {
    const row = bandCounts[BAND_ORDER.indexOf(bandOf(probabilities[i] as number, model.bands))] as (typeof bandCounts)[number];
    row.rows += weightOf(i);
    row.complaints += labels[i] === 1 ? weightOf(i) : 0;
  }
  for (const row of bandCounts) row.rate = row.rows > 0 ? row.complaints / row.rows : 0;
  return {
    modelId: model.id,
    rows: n,
    complaints,
    prevalence: complaints / n,
    meanPredicted: sumP / n,
    auc: roc.auc,
    aucInterval: { lower: roc.lower, upper: roc.upper, standardError: roc.standardError },
    prAuc: averagePrecision(probabilities, labels, weights),
    logLoss: logLoss(probabilities, labels, weights),
    brier: brierScore(probabilities, labels, weights),
    ece: calibration.ece,
    mce: calibration.mce,
    reliability: calibration.bins,
    lift: liftTable(probabilities, labels, options.liftAt, weights),
    confusion: confusionAt(probabilities, labels, options.threshold ?? model.bands.high, weights),
    bands: bandCounts,
    roc: thin(rocCurve(probabilities, labels, weights), 200).map(({ fpr, tpr }) => ({ fpr, tpr })),
    distribution: histogram(probabilities, labels, weights),
  };
}

function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const out: T[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * step)] as T);
  return out;
}

/** 24 bins of log-odds from −8 to +4: where complaint risk lives (0.03 % to 98 %). */
function histogram(probabilities: ArrayLike<number>, labels: ArrayLike<number>, weights: ArrayLike<number> | undefined): EvaluationReport['distribution'] {
  const lo = -8;
  const hi = 4;
  const k = 24;
  const edges = Array.from({ length: k + 1 }, (_, i) => lo + ((hi - lo) * i) / k);
  const complaints = new Array<number>(k).fill(0);
  const others = new Array<number>(k).fill(0);
  for (let i = 0; i < probabilities.length; i++) {
    const z = logit(probabilities[i] as number);
    const b = Math.min(k - 1, Math.max(0, Math.floor(((z - lo) / (hi - lo)) * k)));
    const w = weights === undefined ? 1 : (weights[i] as number);
    if (labels[i] === 1) complaints[b] = (complaints[b] as number) + w;
    else others[b] = (others[b] as number) + w;
  }
  return { edges, complaints, others };
}
