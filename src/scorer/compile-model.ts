import type { Model, FeatureSpec } from '../model/model-schema.js';
import type { CompiledFeature } from '../features/feature-kind.js';
import { compileFeature, featureColumns, readsText } from '../features/registry.js';
import { clampLogOdds, sigmoid } from '../core/logistic.js';
import type { TermVocabulary } from '../text/terms/term-vocabulary.js';
import { compilePoints, type CompiledPoints } from '../core/scorecard-points.js';

/** A model laid out as arrays once, so scoring does no lookups by name and no dispatch by kind. */
export interface CompiledModel {
  readonly model: Model;
  readonly specs: readonly FeatureSpec[];
  /** Each feature specialised for its definition, in model order. */
  readonly features: readonly CompiledFeature<unknown>[];
  /** The same features laid out in one object shape (see FeatureSteps), for the scoring loops. */
  readonly steps: readonly FeatureSteps[];
  /** Each feature's id, in model order (a factor's id). */
  readonly ids: readonly string[];
  /** The features that may refuse an interaction's attribute value (check), in model order. */
  readonly checks: readonly FeatureSteps[];
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
  /** 1 for each feature that reads the words: absent, and not evaluated, when an interaction has none. */
  readonly readsText: Uint8Array;
  /** The indices of those features, in model order. */
  readonly textFeatures: Int32Array;
  /** The other features' indices, in model order: all that is evaluated and summed for an interaction without words. */
  readonly numericFeatures: Int32Array;
  /** The columns of those features (NaN when there are no words). */
  readonly textColumns: Int32Array;
  /** The model's learned terms, matched in the same pass that reads the words; undefined when it has none. */
  readonly vocabulary: TermVocabulary | undefined;
  /** The model's scorecard scale; undefined when results carry no points. */
  readonly points: CompiledPoints | undefined;
}

/**
 * A compiled feature's functions in one fixed object shape: the scoring
 * loop calls eight kinds' functions through one property load that sees a
 * single shape, where the kinds' own objects (some with evidence, a check or
 * a vocabulary, some without) made every load megamorphic. Each function is
 * the kind's own, specialised by its compile(); none reads `this`.
 */
export interface FeatureSteps {
  readonly evaluate: CompiledFeature<unknown>['evaluate'];
  readonly evidence: CompiledFeature<unknown>['evidence'];
  readonly reason: CompiledFeature<unknown>['reason'];
  readonly check: CompiledFeature<unknown>['check'];
}

function featureSteps(feature: CompiledFeature<unknown>): FeatureSteps {
  return { evaluate: feature.evaluate, evidence: feature.evidence, reason: feature.reason, check: feature.check };
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
  const features = model.features.map(compileFeature);
  const textFeature = Uint8Array.from(model.features, (spec) => (readsText(spec) ? 1 : 0));
  const textColumns: number[] = [];
  textFeature.forEach((reads, i) => {
    if (reads === 1) for (let j = offsets[i] as number; j < (offsets[i + 1] as number); j++) textColumns.push(j);
  });
  const steps = features.map(featureSteps);
  return {
    model,
    specs: model.features,
    features,
    steps,
    ids: model.features.map((spec) => spec.id),
    checks: steps.filter((step) => step.check !== undefined),
    offsets,
    columns,
    weights,
    reference,
    referenceLogOdds,
    referenceProbability: sigmoid(clampLogOdds(referenceLogOdds)),
    usesText: textFeature.includes(1),
    readsText: textFeature,
    textFeatures: Int32Array.from(model.features.keys()).filter((i) => textFeature[i] === 1),
    numericFeatures: Int32Array.from(model.features.keys()).filter((i) => textFeature[i] === 0),
    textColumns: Int32Array.from(textColumns),
    vocabulary: features.find((f) => f.vocabulary !== undefined)?.vocabulary,
    points: model.points === undefined ? undefined : compilePoints(model.points),
  };
}
