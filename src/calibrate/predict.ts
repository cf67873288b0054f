import type { Model } from '../model/model-schema.js';
import { checkedModel } from '../model/checked-model.js';
import { clampLogOdds, sigmoid } from '../core/logistic.js';
import type { TextAnalyzer } from '../conversation/text-analyzer.js';
import { checkRecords } from './labeled-records.js';
import type { DesignMatrix } from './design-matrix.js';
import { buildDesignMatrix } from './design-builder.js';

export interface PredictOptions {
  analyzer?: TextAnalyzer;
  onProgress?: (done: number, total: number) => void;
}

export interface Predictions {
  probabilities: Float64Array;
  /** 1 = complaint; empty when labels were not asked for. */
  labels: Uint8Array;
  /** Each record's weight, or undefined when no record carries one. */
  weights: Float64Array | undefined;
  design: DesignMatrix;
}

/** Probabilities for many records, as `createScorer(model)` gives them, plus the column matrix behind them. */
export function predictRecords(model: Model, records: readonly unknown[], needLabels: boolean, options: PredictOptions = {}): Predictions {
  const checked = checkedModel(model);
  const { interactions, labels, weights } = checkRecords(records, needLabels);
  const design = buildDesignMatrix(checked, interactions, options);
  const probabilities = predictFromMatrix(design, design.compiled.weights, checked.intercept);
  return { probabilities, labels, weights, design };
}

/**
 * Probabilities exactly as the scorer computes them (log-odds bounded to
 * ±12); `termSums` adds each row's learned-term weights (the `terms` column
 * with its weight 1) when the model learned terms.
 */
export function predictFromMatrix(design: DesignMatrix, coefficients: Float64Array, intercept: number, termSums?: Float64Array): Float64Array {
  const { x, rows, cols } = design;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let eta = intercept + (termSums === undefined ? 0 : (termSums[i] as number));
    const base = i * cols;
    for (let j = 0; j < cols; j++) eta += (coefficients[j] as number) * (x[base + j] as number);
    out[i] = sigmoid(clampLogOdds(eta));
  }
  return out;
}
