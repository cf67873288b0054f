// The analyzer's own scan (src/text/scan-text.ts: addresses, hashtags, marks, the modifier re-walk, the language
// count) with its rules swapped for no-ops (bench/no-rules.ts, put in place of src/text/sentiment-rules.ts when
// bench/traffic.bench.ts bundles this file). The gap between it and analyzeText is what the VADER-style rules and
// their cues cost; the gap between it and the bare loop (scan-limit.ts) is the rest of the reading.
import { BUILTIN } from '../src/text/builtin-lexicon.js';
import { scanText } from '../src/text/scan-text.js';
import { SentimentRules } from '../src/text/sentiment-rules.js';

const rules = new SentimentRules();

/** The analysis of `text` with no rule applied (its cue count is 0): returned, so the work cannot be dropped. */
export function rulesFreeScan(text: string): number {
  return scanText(text, BUILTIN.get(), undefined, undefined, rules).cues.length;
}
