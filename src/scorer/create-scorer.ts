import type { Model } from '../model/model-schema.js';
import { modelInputError } from './model-input-check.js';
import { checkOptions } from '../core/options-check.js';
import { scorerOptionsSchema } from './option-schemas.js';
import type { Interaction, NormalizedInteraction } from '../schema/interaction-schema.js';
import type { RiskResult, SafeScoreResult } from '../core/types.js';
import { prepareScoring, type ScoringOptions } from './scoring-setup.js';
import { validateInteraction } from '../validate/validate-interaction.js';
import { ComplaintRiskInputError, inputErrorFrom } from '../core/input-error.js';
import { probabilityOfInteraction, scoreInteraction } from './score-interaction.js';
import { readInteractionText } from './compute-columns.js';

/** Options of `createScorer`. */
export type ScorerOptions = ScoringOptions;

export interface Scorer {
  /** Scores one interaction; throws ComplaintRiskInputError naming each invalid field. */
  score(input: Interaction): RiskResult;
  /**
   * The probability alone, for routing and ranking: the same validation as
   * score() (and the same errors), and bit for bit score(input).probability,
   * without building factors, reasons or evidence.
   */
  probability(input: Interaction): number;
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
    return scoreInteraction(compiled, interaction, readInteractionText(compiled, analyze, interaction, terms, scratch.context), scratch);
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

  /** The interaction checked as score() and probability() check it; throws on invalid input. */
  function validOrThrow(input: unknown): NormalizedInteraction {
    const validated = validateInteraction(input);
    if (!validated.ok) throw new ComplaintRiskInputError(validated.error);
    const refused = modelInputError(compiled, validated.value);
    if (refused !== undefined) throw new ComplaintRiskInputError(refused);
    return validated.value;
  }

  return {
    model: checked,
    score: (input) => score(validOrThrow(input)),
    probability(input) {
      const interaction = validOrThrow(input);
      return probabilityOfInteraction(compiled, interaction, readInteractionText(compiled, analyze, interaction, terms, scratch.context), scratch);
    },
    safeScore,
  };
}
