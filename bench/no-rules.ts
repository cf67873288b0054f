// Stands in for src/text/sentiment-rules.ts in the rules-free scan (bench/rules-free-scan.ts): the same methods
// the scan calls, doing only what the scan needs back (where a run of ! and ? ends) and counting units, with no
// scope, sum, emphasis or cue. What the analyzer's own loop costs without its rules is the limit the issue-12
// table holds the scan against beside the bare loop.
import type { Evidence, TextAnalysis, TextLanguage } from '../src/core/types.js';
import { CHAR_MARK, CLASS, FOLD } from '../src/text/char-fold.js';

export class SentimentRules {
  cues: Evidence[] = [];
  private text = '';
  /** The one field the real rules move at every unit (their scope counter), kept so the loop does the same store. */
  private units = 0;

  begin(text: string): void {
    this.text = text;
  }

  reset(): void {
    this.cues = [];
    this.text = '';
    this.units = 0;
  }

  markRun(start: number, limit: number): number {
    let j = start;
    while (j < limit && CLASS[FOLD[this.text.charCodeAt(j)] as number] === CHAR_MARK) j++;
    return j;
  }

  endSentence(): void {}
  endClause(): void {}
  lowerCaseWord(): void {}

  plain(): void {
    this.units++;
  }

  word(): void {
    this.units++;
  }

  entry(): void {
    this.units++;
  }

  finish(language: TextLanguage, truncated: boolean): TextAnalysis {
    return { language, sentiment: 0, intensity: 0, intent: 0, cues: this.cues, truncated };
  }
}
