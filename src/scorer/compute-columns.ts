import type { CompiledModel } from './compile-model.js';
import type { CompiledFeature, ScoringContext } from '../features/feature-kind.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import type { TextAnalysis } from '../core/types.js';
import { readText, type TextReading } from '../conversation/read-text.js';

/** The interaction's words read once, or undefined when the model reads no text or none was given. */
export function readInteractionText(
  compiled: CompiledModel,
  analyze: (text: string) => TextAnalysis,
  interaction: NormalizedInteraction,
): TextReading | undefined {
  const text = interaction.text;
  return compiled.usesText && text !== undefined ? readText(analyze, text) : undefined;
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
  const ctx: ScoringContext = { interaction, analysis: reading?.analysis, conversation: reading?.conversation };
  const { features, offsets } = compiled;
  for (let i = 0; i < features.length; i++) values[i] = (features[i] as CompiledFeature<unknown>).evaluate(ctx, out, offsets[i] as number);
  return ctx;
}
