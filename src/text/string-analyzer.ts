import type { TextAnalysis } from '../core/types.js';
import { BUILTIN } from './builtin-lexicon.js';
import { compileCustomLexicon, type CustomLexicon } from './custom-lexicon.js';
import { scanText } from './scan-text.js';
import { SentimentRules } from './sentiment-rules.js';
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
 * `reuseRules: false` makes the rules' state anew for each text: for an
 * analyzer held at module level, which must hold no state that changes.
 */
export function createStringAnalyzer(lexicon?: CustomLexicon, options: { reuseRules?: boolean } = {}): StringAnalyzer {
  const custom = lexicon === undefined ? undefined : compileCustomLexicon(lexicon);
  if (options.reuseRules === false) return (text, observer) => scanText(text, BUILTIN.get(), custom, observer);
  // The rules' state, reused scan after scan (sentiment-rules.ts says why); between scans it is as new. A scan
  // that starts while another runs (an observer reading text) gets rules of its own, so no two scans share one.
  let idle: SentimentRules | undefined = new SentimentRules();
  return (text, observer) => {
    const rules = idle ?? new SentimentRules();
    idle = undefined;
    try {
      return scanText(text, BUILTIN.get(), custom, observer, rules);
    } finally {
      idle = rules;
    }
  };
}
