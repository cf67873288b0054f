import type { Model } from '../model/model-schema.js';
import { modelInputError } from './model-input-check.js';
import { checkOptions } from '../core/options-check.js';
import { scorerOptionsSchema } from './option-schemas.js';
import type { Interaction, NormalizedInteraction } from '../schema/interaction-schema.js';
import type { RiskResult, SafeScoreResult } from '../core/types.js';
import { prepareScoring, type ScoringOptions } from './scoring-setup.js';
import { validateInteraction } from '../validate/validate-interaction.js';
import { ComplaintRiskInputError, inputErrorFrom } from '../core/input-error.js';
import { scoreInteraction } from './score-interaction.js';
import { readInteractionText } from './compute-columns.js';

/** Options of `createScorer`. */
export type ScorerOptions = ScoringOptions;

export interface Scorer {
  /** Scores one interaction; throws ComplaintRiskInputError naming each invalid field. */
  score(input: Interaction): RiskResult;
  /** Never throws: invalid input comes back as a structured error. */
  safeScore(input: unknown): SafeScoreResult;
  readonly model: Model;
}

/**
 * A scorer for one model. The model is validated (unless it is the built-in
 * one) and laid out once; scoring then validates each input cheaply.
 */
export function createScorer(model?: Model, given: ScorerOptions = {}): Scorer {
  const options = checkOptions(scorerOptionsSchema, given, 'scorer options') as ScorerOptions;
  const { model: checked, compiled, scratch, analyze, terms } = prepareScoring(model, options);

  function score(interaction: NormalizedInteraction): RiskResult {
    return scoreInteraction(compiled, interaction, readInteractionText(compiled, analyze, interaction, terms), scratch);
  }

  function safeScore(input: unknown): SafeScoreResult {
    try {
      const validated = validateInteraction(input);
      if (!validated.ok) return validated;
      const refused = modelInputError(compiled, validated.value);
      if (refused !== undefined) return { ok: false, error: refused };
      return { ok: true, result: score(validated.value) };
    } catch (cause) {
      // A bug or a hostile object must not take a batch down with it.
      return { ok: false, error: inputErrorFrom([{ path: '(root)', code: 'internal', message: String(cause) }]) };
    }
  }

  return {
    model: checked,
    score(input) {
      const validated = validateInteraction(input);
      if (!validated.ok) throw new ComplaintRiskInputError(validated.error);
      const refused = modelInputError(compiled, validated.value);
      if (refused !== undefined) throw new ComplaintRiskInputError(refused);
      return score(validated.value);
    },
    safeScore,
  };
}
