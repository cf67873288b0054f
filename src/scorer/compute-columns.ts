import type { CompiledModel, FeatureSteps } from './compile-model.js';
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
  if (reading === undefined) {
    // No words: the features that read them are absent (FeatureKind.readsText), so only the others run.
    const ctx: ScoringContext = { interaction, analysis: undefined, cues: undefined, conversation: undefined, termHits: undefined };
    const { textFeatures, textColumns, numericFeatures } = compiled;
    for (let k = 0; k < textColumns.length; k++) out[textColumns[k] as number] = NaN;
    for (let k = 0; k < textFeatures.length; k++) values[textFeatures[k] as number] = undefined;
    for (let k = 0; k < numericFeatures.length; k++) {
      const i = numericFeatures[k] as number;
      values[i] = (steps[i] as FeatureSteps).evaluate(ctx, out, offsets[i] as number);
    }
    return ctx;
  }
  const ctx: ScoringContext = { interaction, analysis: reading.analysis, cues: reading.cues, conversation: reading.conversation, termHits: reading.termHits };
  for (let i = 0; i < steps.length; i++) values[i] = (steps[i] as FeatureSteps).evaluate(ctx, out, offsets[i] as number);
  return ctx;
}
