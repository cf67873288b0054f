import type { Bilingual, Evidence, TextAnalysis } from '../core/types.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import type { FeatureSpec } from './feature-spec-schema.js';
import type { ConversationSignals } from '../conversation/conversation-signals.js';

/** What a feature may read while one interaction is scored. */
export interface ScoringContext {
  readonly interaction: NormalizedInteraction;
  /** The customer's words analysed once per score; undefined when no text was given. */
  readonly analysis: TextAnalysis | undefined;
  /** For a transcript (a turn list): what its turns say; undefined for a plain string or no text. */
  readonly conversation: ConversationSignals | undefined;
}

/**
 * How one kind of feature turns signals into model columns and explains
 * itself. Columns of an absent signal are written as NaN: the scorer puts
 * the reference value there, so a signal nobody measured explains nothing.
 */
export interface FeatureKind<S extends FeatureSpec> {
  /** Writes the feature's column values from `offset`; returns the raw value quoted in its factor. */
  evaluate(spec: S, ctx: ScoringContext, out: Float64Array, offset: number): unknown;
  /** Cues behind the value, for features read from the customer's words. */
  evidence?(spec: S, ctx: ScoringContext): Evidence[] | undefined;
  reason(spec: S, value: unknown, ctx: ScoringContext, evidence: readonly Evidence[] | undefined): Bilingual;
}

/** log2(1 + n), bounded: the first repeat hurts more than the tenth. */
export function diminishing(n: number, cap: number): number {
  const v = Math.log2(1 + n);
  return v < cap ? v : cap;
}
