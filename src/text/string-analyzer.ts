import type { TextAnalysis } from '../core/types.js';
import { BUILTIN } from './builtin-lexicon.js';
import { compileCustomLexicon, type CustomLexicon } from './custom-lexicon.js';
import { scanText } from './scan-text.js';
import type { TokenObserver } from './terms/token-reader.js';

/**
 * Reads one string of customer words: the built-in lexicon, plus this
 * analyzer's own entries if any. An observer (a model's learned terms, or
 * fitting's term collector) sees every token in the same pass.
 */
export type StringAnalyzer = (text: string, observer?: TokenObserver) => TextAnalysis;

/**
 * The built-in lexicon is shared read-only (compiled when the first text is read); a custom lexicon is compiled
 * (validated, throwing ComplaintRiskInputError with per-entry paths) into
 * this analyzer's own tables and never touches any other analyzer.
 */
export function createStringAnalyzer(lexicon?: CustomLexicon): StringAnalyzer {
  const custom = lexicon === undefined ? undefined : compileCustomLexicon(lexicon);
  return (text, observer) => scanText(text, BUILTIN.get(), custom, observer);
}
