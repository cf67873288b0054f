import type { Model } from '../model/model-schema.js';
import { clampLogOdds, sigmoid } from '../core/logistic.js';
import { compileModel } from '../scorer/compile-model.js';
import { draftModel } from './draft-model.js';
import { fitDesign } from './fit.js';
import type { FitData } from './fit-data.js';
import { evaluateProbabilities } from './evaluate.js';
import { assignFolds, summarizeFolds, type CrossValidationReport } from './cross-validate.js';

/**
 * Stratified k-fold cross-validation on typed data (FitDataBuilder), as
 * `crossValidate` does on records: the same folds for the same seed, each
 * fold fitted by `fitDesign` on its training rows (its own reference values
 * for new columns, its own candidate terms and their counts), each held-out
 * row scored as `createScorer(foldModel)` would score it. A category's
 * levels are those settled on all the rows.
 */
export function crossValidateDesign(data: FitData, options: { folds?: number; seed?: number } = {}): CrossValidationReport {
  const k = options.folds ?? 5;
  if (!Number.isInteger(k) || k < 2) throw new RangeError('folds must be a whole number ≥ 2');
  const { labels } = data;
  const fold = assignFolds(labels, k, options.seed ?? 1);
  const outOfFold = new Float64Array(labels.length);
  const folds: CrossValidationReport['folds'] = [];
  const { onProgress: _ignored, ...fitOptions } = data.options;
  let lastModel: Model | undefined;
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < labels.length; i++) (fold[i] === f ? test : train).push(i);
    if (test.length === 0) throw new RangeError(`fold ${f + 1} of ${k} is empty: use fewer folds`);
    const { model } = fitDesign({ ...subset(data, Int32Array.from(train)), options: fitOptions });
    lastModel = model;
    const probabilities = predictRows(model, data, test);
    const testLabels = Uint8Array.from(test, (i) => labels[i] as number);
    test.forEach((i, r) => (outOfFold[i] = probabilities[r] as number));
    const report = evaluateProbabilities(probabilities, testLabels, model);
    folds.push({ rows: report.rows, complaints: report.complaints, auc: report.auc, prAuc: report.prAuc, logLoss: report.logLoss, brier: report.brier, ece: report.ece });
  }
  return summarizeFolds(folds, outOfFold, labels, lastModel as Model);
}

/** The rows given (ascending) as data of their own, with a fresh draft: a fold's fit imputes and writes its own reference values. */
function subset(data: FitData, rows: Int32Array): FitData {
  const { design } = data;
  const cols = design.cols;
  const x = new Float64Array(rows.length * cols);
  const absent = new Uint8Array(rows.length * cols);
  rows.forEach((i, r) => {
    x.set(design.x.subarray(i * cols, (i + 1) * cols), r * cols);
    absent.set(design.absent.subarray(i * cols, (i + 1) * cols), r * cols);
  });
  const draft = draftModel(data.base, [...data.draft.model.features]);
  const compiled = compileModel(draft.model);
  return {
    ...data,
    draft,
    design: { compiled, columns: compiled.columns, x, absent, rows: rows.length, cols, candidates: design.candidates?.subset(rows) },
    labels: Uint8Array.from(rows, (i) => data.labels[i] as number),
    weights: data.weights === undefined ? undefined : Float64Array.from(rows, (i) => data.weights?.[i] as number),
  };
}

/**
 * The model's probabilities for the given rows of the data: each column at
 * its value (an absent one at the model's reference), the learned terms
 * found among the row's candidates, log-odds bounded as the scorer bounds them.
 */
function predictRows(model: Model, data: FitData, rows: readonly number[]): Float64Array {
  const { design } = data;
  const cols = design.cols;
  const weights = Float64Array.from(design.columns, (c) => model.weights[c] ?? 0);
  const reference = Float64Array.from(design.columns, (c) => model.reference.values[c] ?? 0);
  const termWeight = termWeights(model, data);
  const candidates = design.candidates;
  const termsId = model.features.find((f) => f.kind === 'terms')?.id ?? '';
  // The terms column enters with its weight (1 for learned terms) against its reference (0).
  const termsWeight = model.weights[termsId] ?? 1;
  const termsReference = model.reference.values[termsId] ?? 0;
  const out = new Float64Array(rows.length);
  rows.forEach((i, r) => {
    let eta = model.intercept;
    const base = i * cols;
    for (let j = 0; j < cols; j++) eta += (weights[j] as number) * (design.absent[base + j] ? (reference[j] as number) : (design.x[base + j] as number));
    if (termWeight !== undefined && candidates !== undefined) {
      const start = candidates.rowStart[i] as number;
      const end = candidates.rowStart[i + 1] as number;
      let sum = 0;
      for (let k = start; k < end; k++) sum += termWeight[candidates.at(k)] as number;
      eta += termsWeight * (sum - termsReference);
    }
    out[r] = sigmoid(clampLogOdds(eta));
  });
  return out;
}

/** Each candidate number's learned weight in the model (0 for the rest); undefined when the model learned no terms. */
function termWeights(model: Model, data: FitData): Float64Array | undefined {
  const spec = model.features.find((f) => f.kind === 'terms');
  if (spec === undefined || spec.kind !== 'terms') return undefined;
  const weightOf = new Map(spec.terms);
  const out = new Float64Array(data.termNames.length);
  data.termNames.forEach((name, id) => (out[id] = weightOf.get(name) ?? 0));
  return out;
}
