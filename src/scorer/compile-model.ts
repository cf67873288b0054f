import type { Model, FeatureSpec } from '../model/model-schema.js';
import type { FeatureKind } from '../features/feature-kind.js';
import { featureKind } from '../features/registry.js';
import { featureColumns } from '../features/feature-columns.js';
import { clampLogOdds, sigmoid } from '../core/logistic.js';

/** A model laid out as arrays once, so scoring does no lookups by name. */
export interface CompiledModel {
  readonly model: Model;
  readonly specs: readonly FeatureSpec[];
  readonly kinds: readonly FeatureKind<FeatureSpec>[];
  /** Column range [offsets[i], offsets[i + 1]) belongs to feature i. */
  readonly offsets: Int32Array;
  readonly columns: readonly string[];
  readonly weights: Float64Array;
  readonly reference: Float64Array;
  /** Log-odds of the reference interaction, before bounding. */
  readonly referenceLogOdds: number;
  readonly referenceProbability: number;
  /** Whether scoring needs the customer's words read at all. */
  readonly usesText: boolean;
}

export function compileModel(model: Model): CompiledModel {
  const columns: string[] = [];
  const offsets = new Int32Array(model.features.length + 1);
  model.features.forEach((spec, i) => {
    offsets[i] = columns.length;
    columns.push(...featureColumns(spec));
  });
  offsets[model.features.length] = columns.length;
  const weights = Float64Array.from(columns, (c) => model.weights[c] as number);
  const reference = Float64Array.from(columns, (c) => model.reference.values[c] as number);
  let referenceLogOdds = model.intercept;
  for (let j = 0; j < columns.length; j++) referenceLogOdds += (weights[j] as number) * (reference[j] as number);
  return {
    model,
    specs: model.features,
    kinds: model.features.map(featureKind),
    offsets,
    columns,
    weights,
    reference,
    referenceLogOdds,
    referenceProbability: sigmoid(clampLogOdds(referenceLogOdds)),
    usesText: model.features.some((f) => f.kind === 'text' || f.kind === 'conversation'),
  };
}
