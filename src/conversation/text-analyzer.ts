import * as z from 'zod';
import { ownData } from '../core/own-properties.js';
import { checkOptions } from '../core/options-check.js';
import { textAnalyzerOptionsSchema } from './analyzer-option-schema.js';
import type { TextAnalysis } from '../core/types.js';
import { turnSchema, type Turn } from '../schema/interaction-schema.js';
import { LIMITS } from '../core/limits.js';
import { ComplaintRiskInputError, inputErrorFrom, issuesFromZod } from '../core/input-error.js';
import { createStringAnalyzer, type StringAnalyzer } from '../text/string-analyzer.js';
import type { CustomLexicon } from '../text/custom-lexicon.js';
import { readText } from './read-text.js';
import { WriteOnce } from '../core/write-once.js';
import { lazySchema } from '../core/lazy-schema.js';

export type { CustomLexicon } from '../text/custom-lexicon.js';

export interface TextAnalyzer {
  /** A string is read whole; a list of turns as the scorer and live sessions read it (customer turns, later ones weigh more). */
  analyze(text: string | readonly Turn[]): TextAnalysis;
}

/** What analyzers made by createTextAnalyzer also give a scorer: one string read with a token observer (learned terms) in the same pass. */
interface ScanningTextAnalyzer extends TextAnalyzer {
  readonly scanString: StringAnalyzer;
}

/**
 * The one-string reader behind an analyzer. An analyzer of the caller's own
 * making (any object with `analyze`) is asked for the analysis; the model's
 * learned terms then take a pass of their own over the built-in tokens.
 */
export function stringAnalyzerOf(analyzer: TextAnalyzer): StringAnalyzer {
  const scanning = (analyzer as Partial<ScanningTextAnalyzer>).scanString;
  if (typeof scanning === 'function') return scanning;
  let tokens: StringAnalyzer | undefined;
  return (text, observer) => {
    if (observer !== undefined) (tokens ??= createStringAnalyzer())(text, observer);
    return analyzer.analyze(text);
  };
}

export interface TextAnalyzerOptions {
  /** Extra entries for this analyzer only; validated, throws ComplaintRiskInputError with per-entry paths. */
  lexicon?: CustomLexicon;
}

/**
 * A bilingual (Chinese + English) analyzer of customer words. A transcript
 * is read turn by turn, exactly as the scorer and live sessions read it.
 */
export function createTextAnalyzer(given: TextAnalyzerOptions = {}): TextAnalyzer {
  return makeTextAnalyzer(given, true);
}

/** `reuseRules`: whether the analyzer keeps its scan state from text to text (string-analyzer.ts); not when held at module level. */
function makeTextAnalyzer(given: TextAnalyzerOptions, reuseRules: boolean): TextAnalyzer {
  const options = checkOptions(textAnalyzerOptionsSchema, given, 'text analyzer options') as TextAnalyzerOptions;
  const analyzeString = createStringAnalyzer(options.lexicon, { reuseRules });
  const analyzer: ScanningTextAnalyzer = {
    analyze: (text) => (typeof text === 'string' ? analyzeString(text) : readText(analyzeString, checkedTurns(text), undefined, { keepCues: true }).analysis),
    scanString: analyzeString,
  };
  return analyzer;
}

const turnsSchema = /* @__PURE__ */ lazySchema(() => z.array(turnSchema).max(LIMITS.maxTurns));

/** Plain-JS callers may pass anything: a non-string must be a valid list of turns, reported by path (text[0].text). */
function checkedTurns(text: unknown): readonly Turn[] {
  const parsed = turnsSchema.safeParse(ownData(text, 2));
  if (!parsed.success) throw new ComplaintRiskInputError(inputErrorFrom(issuesFromZod(parsed.error, ['text']), 'text'));
  return ownData(parsed.data, 2) as readonly Turn[];
}

/**
 * analyzeText's analyzer without a custom lexicon, made on first use: making it checks options with zod, which
 * import should not. Held at module level, it must never change, so it makes its scan state anew for each text
 * (an analyzer of the caller's own keeps one, and scans a short text a few per cent faster).
 */
const DEFAULT_ANALYZER = /* @__PURE__ */ new WriteOnce(() => makeTextAnalyzer({}, false));

/** Analyses one text (or transcript) with the built-in lexicon, or with `options.lexicon` added. */
export function analyzeText(text: string | readonly Turn[], given?: TextAnalyzerOptions): TextAnalysis {
  // No options (the common call): the shared analyzer, with no object made or read for them.
  if (given === undefined || (typeof given === 'object' && given !== null && Object.keys(given).length === 0)) return DEFAULT_ANALYZER.get().analyze(text);
  const options = checkOptions(textAnalyzerOptionsSchema, given, 'text analyzer options') as TextAnalyzerOptions;
  const analyzer = options.lexicon === undefined ? DEFAULT_ANALYZER.get() : createTextAnalyzer(options);
  return analyzer.analyze(text);
}
