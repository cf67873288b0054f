import type { Model, FeatureSpec } from '../model/model-schema.js';
import type { CompiledFeature } from '../features/feature-kind.js';
import { compileFeature, featureColumns, readsText, readsTurns } from '../features/registry.js';
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
  /** Whether scoring needs the customer's words read at all (some feature reads them). */
  readonly usesText: boolean;
  /**
   * Which features are present, by what an interaction's words are
   * (FEATURES_ALL: a transcript; FEATURES_NO_TURNS: a plain string, so the
   * features that read turns are absent; FEATURES_NO_WORDS: none, so every
   * feature that reads text is absent).
   */
  readonly featureSets: readonly FeatureSet[];
  /** The model's learned terms, matched in the same pass that reads the words; undefined when it has none. */
  readonly vocabulary: TermVocabulary | undefined;
  /** The model's scorecard scale; undefined when results carry no points. */
  readonly points: CompiledPoints | undefined;
}

/**
 * The features one interaction's words leave present, and the absent rest:
 * an absent feature is not called, its columns are NaN, its value undefined
 * and its contribution exactly 0 (as it would write and give if called).
 */
export interface FeatureSet {
  /** Evaluated and summed, in model order. */
  readonly present: Int32Array;
  readonly absent: Int32Array;
  readonly absentColumns: Int32Array;
}

export const FEATURES_ALL = 0;
export const FEATURES_NO_TURNS = 1;
export const FEATURES_NO_WORDS = 2;

function featureSet(offsets: Int32Array, isAbsent: readonly boolean[]): FeatureSet {
  const present: number[] = [];
  const absent: number[] = [];
  const absentColumns: number[] = [];
  isAbsent.forEach((out, i) => {
    (out ? absent : present).push(i);
    if (out) for (let j = offsets[i] as number; j < (offsets[i + 1] as number); j++) absentColumns.push(j);
  });
  return { present: Int32Array.from(present), absent: Int32Array.from(absent), absentColumns: Int32Array.from(absentColumns) };
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
  const readsWords = model.features.map((spec) => readsText(spec));
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
    usesText: readsWords.includes(true),
    featureSets: [
      featureSet(offsets, model.features.map(() => false)),
      featureSet(offsets, model.features.map((spec) => readsTurns(spec))),
      featureSet(offsets, readsWords),
    ],
    vocabulary: features.find((f) => f.vocabulary !== undefined)?.vocabulary,
    points: model.points === undefined ? undefined : compilePoints(model.points),
  };
}
