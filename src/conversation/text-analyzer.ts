import * as z from 'zod';
import type { TextAnalysis } from '../core/types.js';
import { turnSchema, type Turn } from '../schema/interaction-schema.js';
import { LIMITS } from '../core/limits.js';
import { ComplaintRiskInputError, inputErrorFrom, issuesFromZod } from '../core/input-error.js';
import { createStringAnalyzer } from '../text/string-analyzer.js';
import type { CustomLexicon } from '../text/custom-lexicon.js';
import { readText } from './read-text.js';

export type { CustomLexicon } from '../text/custom-lexicon.js';

export interface TextAnalyzer {
  /** A string is read whole; a list of turns as the scorer and live sessions read it (customer turns, later ones weigh more). */
  analyze(text: string | readonly Turn[]): TextAnalysis;
}

export interface TextAnalyzerOptions {
  /** Extra entries for this analyzer only; validated, throws ComplaintRiskInputError with per-entry paths. */
  lexicon?: CustomLexicon;
}

/**
 * A bilingual (Chinese + English) analyzer of customer words. A transcript
 * is read turn by turn, exactly as the scorer and live sessions read it.
 */
export function createTextAnalyzer(options: TextAnalyzerOptions = {}): TextAnalyzer {
  const analyzeString = createStringAnalyzer(options.lexicon);
  return {
    analyze: (text) => (typeof text === 'string' ? analyzeString(text) : readText(analyzeString, checkedTurns(text)).analysis),
  };
}

const turnsSchema = z.array(turnSchema).max(LIMITS.maxTurns);

/** Plain-JS callers may pass anything: a non-string must be a valid list of turns, reported by path (text[0].text). */
function checkedTurns(text: unknown): readonly Turn[] {
  const parsed = turnsSchema.safeParse(text);
  if (!parsed.success) throw new ComplaintRiskInputError(inputErrorFrom(issuesFromZod(parsed.error, ['text']), 'text'));
  return text as readonly Turn[];
}

const DEFAULT_ANALYZER = createTextAnalyzer();

/** Analyses one text (or transcript) with the built-in lexicon, or with `options.lexicon` added. */
export function analyzeText(text: string | readonly Turn[], options: TextAnalyzerOptions = {}): TextAnalysis {
  const analyzer = options.lexicon === undefined ? DEFAULT_ANALYZER : createTextAnalyzer(options);
  return analyzer.analyze(text);
}
