import type { TextAnalysis } from '../core/types.js';
import { BUILTIN } from './builtin-lexicon.js';
import { compileCustomLexicon, type CustomLexicon } from './custom-lexicon.js';
import { scanText } from './scan-text.js';

/** Reads one string of customer words: the built-in lexicon, plus this analyzer's own entries if any. */
export type StringAnalyzer = (text: string) => TextAnalysis;

/**
 * The built-in lexicon is shared read-only; a custom lexicon is compiled
 * (validated, throwing ComplaintRiskInputError with per-entry paths) into
 * this analyzer's own tables and never touches any other analyzer.
 */
export function createStringAnalyzer(lexicon?: CustomLexicon): StringAnalyzer {
  const custom = lexicon === undefined ? undefined : compileCustomLexicon(lexicon);
  return (text) => scanText(text, BUILTIN, custom);
}
