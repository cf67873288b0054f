import type { Model } from '../schema/model-schema.js';
import type { Interaction, NormalizedInteraction } from '../schema/interaction-schema.js';
import type { RiskResult, SafeScoreResult, TextAnalysis } from '../types.js';
import { readText } from '../conversation/read-text.js';
import { createTextAnalyzer, type CustomLexicon, type TextAnalyzer } from '../text/analyze-text.js';
import { defaultModel } from '../model/default-model.js';
import { parseModel } from '../model/parse-model.js';
import { validateInteraction } from '../validate/validate-interaction.js';
import { ComplaintRiskInputError, inputErrorFrom } from '../validate/input-error.js';
import { compileModel, type CompiledModel } from './compile-model.js';
import { createScratch, scoreInteraction } from './score-interaction.js';

export interface ScorerOptions {
  /** Domain words for this scorer's text analyzer only (a bank's 征信, an airline's 改签). */
  lexicon?: CustomLexicon;
  /** A ready analyzer to share between scorers; takes precedence over `lexicon`. */
  analyzer?: TextAnalyzer;
}

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
export function createScorer(model: Model = defaultModel, options: ScorerOptions = {}): Scorer {
  const checked = model === defaultModel ? defaultModel : parseModel(model);
  const compiled: CompiledModel = compileModel(checked);
  const analyzer = options.analyzer ?? createTextAnalyzer(options.lexicon === undefined ? {} : { lexicon: options.lexicon });
  const scratch = createScratch(compiled);
  const analyze = (text: string): TextAnalysis => analyzer.analyze(text);

  function score(interaction: NormalizedInteraction): RiskResult {
    const text = interaction.text;
    const reading = compiled.usesText && text !== undefined ? readText(analyze, text) : undefined;
    return scoreInteraction(compiled, interaction, reading, scratch);
  }

  function safeScore(input: unknown): SafeScoreResult {
    try {
      const validated = validateInteraction(input);
      if (!validated.ok) return validated;
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
      return score(validated.value);
    },
    safeScore,
  };
}
