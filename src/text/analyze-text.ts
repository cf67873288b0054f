import type { TextAnalysis } from '../types.js';
import type { Turn } from '../schema/interaction-schema.js';
import { readText } from '../conversation/read-text.js';
import { BUILTIN } from './builtin-lexicon.js';
import { compileCustomLexicon, type CustomLexicon } from './custom-lexicon.js';
import { scanText } from './scan-text.js';

export type { CustomLexicon } from './custom-lexicon.js';

export interface TextAnalyzer {
  /** A string is read whole; a list of turns as the scorer and live sessions read it (customer turns, later ones weigh more). */
  analyze(text: string | readonly Turn[]): TextAnalysis;
}

export interface TextAnalyzerOptions {
  /** Extra entries for this analyzer only; validated, throws ComplaintRiskInputError with per-entry paths. */
  lexicon?: CustomLexicon;
}

/**
 * A bilingual (Chinese + English) analyzer. The built-in lexicon is shared
 * read-only; a custom lexicon is compiled into this analyzer's own trie and
 * never touches any other analyzer.
 */
export function createTextAnalyzer(options: TextAnalyzerOptions = {}): TextAnalyzer {
  const custom = options.lexicon === undefined ? undefined : compileCustomLexicon(options.lexicon);
  const analyzeString = (text: string): TextAnalysis => scanText(text, BUILTIN, custom);
  return {
    analyze: (text) => (typeof text === 'string' ? analyzeString(text) : readText(analyzeString, text).analysis),
  };
}

const DEFAULT_ANALYZER = createTextAnalyzer();

/** Analyses one text (or transcript) with the built-in lexicon, or with `options.lexicon` added. */
export function analyzeText(text: string | readonly Turn[], options: TextAnalyzerOptions = {}): TextAnalysis {
  const analyzer = options.lexicon === undefined ? DEFAULT_ANALYZER : createTextAnalyzer(options);
  return analyzer.analyze(text);
}
