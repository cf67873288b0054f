import { FEATURES_ALL, FEATURES_NO_TURNS, FEATURES_NO_WORDS, type CompiledModel, type FeatureSet, type FeatureSteps } from './compile-model.js';
import type { ScoringContext } from '../features/feature-kind.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import { readText, type TextReading } from '../conversation/read-text.js';
import type { TokenReader } from '../text/terms/token-reader.js';
import type { StringAnalyzer } from '../text/string-analyzer.js';

/**
 * The interaction's words read once (with the model's learned terms, into
 * `terms`' hits, cleared first), or undefined when the model reads no text
 * or none was given.
 */
export function readInteractionText(
  compiled: CompiledModel,
  analyze: StringAnalyzer,
  interaction: NormalizedInteraction,
  terms: TokenReader | undefined,
): TextReading | undefined {
  const text = interaction.text;
  if (!compiled.usesText || text === undefined) return undefined;
  terms?.hits?.clear();
  return readText(analyze, text, terms);
}

/**
 * Fills `out` with the model's column values for one interaction (NaN where
 * a signal is absent) and `values` with each feature's raw value, and returns
 * the context the features read. Shared by scoring and fitting, so a fitted
 * model scores exactly as it was trained.
 */
export function computeColumns(
  compiled: CompiledModel,
  interaction: NormalizedInteraction,
  reading: TextReading | undefined,
  out: Float64Array,
  values: unknown[],
): ScoringContext {
  const { steps, offsets } = compiled;
  const ctx: ScoringContext =
    reading === undefined
      ? { interaction, analysis: undefined, cues: undefined, conversation: undefined, termHits: undefined }
      : { interaction, analysis: reading.analysis, cues: reading.cues, conversation: reading.conversation, termHits: reading.termHits };
  // Features the words leave absent are not called (FeatureKind.readsText, readsTurns): their columns are NaN.
  const { present, absent, absentColumns } = featureSetOf(compiled, reading);
  for (let k = 0; k < absentColumns.length; k++) out[absentColumns[k] as number] = NaN;
  for (let k = 0; k < absent.length; k++) values[absent[k] as number] = undefined;
  for (let k = 0; k < present.length; k++) {
    const i = present[k] as number;
    values[i] = (steps[i] as FeatureSteps).evaluate(ctx, out, offsets[i] as number);
  }
  return ctx;
}

/** The features present for a reading: all for a transcript, all but those that read turns for a string, none that read text without words. */
export function featureSetOf(compiled: CompiledModel, reading: TextReading | undefined): FeatureSet {
  return compiled.featureSets[reading === undefined ? FEATURES_NO_WORDS : reading.conversation === undefined ? FEATURES_NO_TURNS : FEATURES_ALL] as FeatureSet;
}
