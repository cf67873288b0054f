import type { Model } from '../model/model-schema.js';
import { createTextAnalyzer, stringAnalyzerOf, type CustomLexicon, type TextAnalyzer } from '../conversation/text-analyzer.js';
import type { TokenReader } from '../text/terms/token-reader.js';
import type { StringAnalyzer } from '../text/string-analyzer.js';
import { TermMatcher, termReader } from '../text/terms/term-matcher.js';
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
  /** Reads one piece of customer text (a string or one turn's words), with a token observer when given. */
  analyze: StringAnalyzer;
  /** For one score() call at a time: the model's learned terms with a hit buffer reused across calls; undefined without terms. */
  terms: TokenReader | undefined;
  /** A reader of the model's terms with a buffer of its own, for a transcript read over many calls (a live session). */
  newTermReader(): TokenReader | undefined;
}

/** Validates the model (the built-in one is trusted as is) and lays it out once. */
export function prepareScoring(model: Model | undefined, options: ScoringOptions = {}): ScoringSetup {
  const checked = checkedModel(model);
  const compiled = compileModel(checked);
  const analyzer = options.analyzer ?? createTextAnalyzer(options.lexicon === undefined ? {} : { lexicon: options.lexicon });
  const vocabulary = compiled.vocabulary;
  // The matcher is reset at the start of every text it reads, so one serves every reader of this setup.
  const matcher = vocabulary === undefined ? undefined : new TermMatcher(vocabulary);
  const newTermReader = (): TokenReader | undefined => (matcher === undefined ? undefined : termReader(matcher));
  return { model: checked, compiled, scratch: createScratch(compiled), analyze: stringAnalyzerOf(analyzer), terms: newTermReader(), newTermReader };
}
