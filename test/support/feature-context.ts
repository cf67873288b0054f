import type { ScoringContext } from '../../src/features/feature-kind.js';
import { validateInteraction } from '../../src/validate/validate-interaction.js';
import { readText } from '../../src/conversation/read-text.js';
import { createStringAnalyzer } from '../../src/text/string-analyzer.js';
import type { Interaction } from '../../src/index.js';

const analyze = createStringAnalyzer();

/** What a feature sees when the scorer reads this interaction (validated, words analysed as the scorer does). */
export function contextFor(input: Interaction): ScoringContext {
  const checked = validateInteraction(input);
  if (!checked.ok) throw new Error(checked.error.message);
  const interaction = checked.value;
  const reading = interaction.text === undefined ? undefined : readText(analyze, interaction.text);
  return { interaction, analysis: reading?.analysis, cues: reading?.cues, conversation: reading?.conversation, termHits: reading?.termHits };
}

/** Evaluates one compiled feature into a fresh column buffer. */
export function columnsOf<V>(
  feature: { evaluate(ctx: ScoringContext, out: Float64Array, offset: number): V | undefined },
  width: number,
  input: Interaction,
): { columns: number[]; value: V | undefined; ctx: ScoringContext } {
  const out = new Float64Array(width).fill(-1);
  const ctx = contextFor(input);
  const value = feature.evaluate(ctx, out, 0);
  return { columns: [...out], value, ctx };
}
