import type { Model } from '../model/model-schema.js';
import { checkedModel } from '../model/checked-model.js';
import type { TextAnalyzer } from '../conversation/text-analyzer.js';
import { checkRecords } from './labeled-records.js';
import { buildDesignMatrix, type DesignMatrix } from './design-matrix.js';
import { predictFromMatrix } from './fit.js';

export interface PredictOptions {
  analyzer?: TextAnalyzer;
  onProgress?: (done: number, total: number) => void;
}

export interface Predictions {
  probabilities: Float64Array;
  /** 1 = complaint; empty when labels were not asked for. */
  labels: Uint8Array;
  design: DesignMatrix;
}

/** Probabilities for many records, as `createScorer(model)` gives them, plus the column matrix behind them. */
export function predictRecords(model: Model, records: readonly unknown[], needLabels: boolean, options: PredictOptions = {}): Predictions {
  const checked = checkedModel(model);
  const { interactions, labels } = checkRecords(records, needLabels);
  const design = buildDesignMatrix(checked, interactions, options);
  const probabilities = predictFromMatrix(design, design.compiled.weights, checked.intercept);
  return { probabilities, labels, design };
}
