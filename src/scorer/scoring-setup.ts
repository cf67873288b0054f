import type { Model } from '../model/model-schema.js';
import type { TextAnalysis } from '../core/types.js';
import { createTextAnalyzer, type CustomLexicon, type TextAnalyzer } from '../conversation/text-analyzer.js';
import { checkedModel } from '../model/checked-model.js';
import { compileModel, type CompiledModel } from './compile-model.js';
import { createScratch, type Scratch } from './score-interaction.js';

export interface ScoringOptions {
  /** Domain words for this scorer's text analyzer only (a bank's 征信, an airline's 改签). */
  lexicon?: CustomLexicon;
  /** A ready analyzer to share between scorers; takes precedence over `lexicon`. */
  analyzer?: TextAnalyzer;
}

/** What scoring with one model needs, prepared once: scorers and sessions share it. */
export interface ScoringSetup {
  model: Model;
  compiled: CompiledModel;
  scratch: Scratch;
  /** Reads one piece of customer text (a string or one turn's words). */
  analyze: (text: string) => TextAnalysis;
}

/** Validates the model (the built-in one is trusted as is) and lays it out once. */
export function prepareScoring(model: Model | undefined, options: ScoringOptions = {}): ScoringSetup {
  const checked = checkedModel(model);
  const compiled = compileModel(checked);
  const analyzer = options.analyzer ?? createTextAnalyzer(options.lexicon === undefined ? {} : { lexicon: options.lexicon });
  return { model: checked, compiled, scratch: createScratch(compiled), analyze: (text) => analyzer.analyze(text) };
}
