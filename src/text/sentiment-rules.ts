import type { Evidence, TextAnalysis, TextLanguage } from '../core/types.js';
import { CHAR_MARK, CHAR_WORD, CLASS, FOLD } from './char-fold.js';
import type { CompiledLexicon } from './compiled-lexicon.js';
import type { CueKind } from './cue-kinds.js';
import { insertCue, pushCue, roundWeight } from './cue-list.js';
import {
  ENTRY_BLOCK,
  ENTRY_CONCESSION,
  ENTRY_CONTRAST,
  ENTRY_DAMPENER,
  ENTRY_EMOJI,
  ENTRY_FEELING,
  ENTRY_INTENSIFIER,
  ENTRY_INTENT,
  ENTRY_NEGATION,
  ENTRY_PROBLEM_BASE,
  problemKind,
} from './entry-kind.js';
import { endsInNt, hasLowerCase, isAllCaps } from './word-chars.js';
import { vaderScore } from './vader-score.js';

/** VADER's factor for a negated feeling; a negated negative word turns only half as far. */
const NEGATION_SCALAR = -0.74;
/** Words (or unmatched Chinese characters) a negation reaches forward: 不是很满意, "don't think it's good". */
const NEGATION_SCOPE = 4;
/** A negation this close to a problem or intent phrase cancels it (没有延误, 不会投诉). */
const PROBLEM_NEGATION_SCOPE = 1;
const INTENT_NEGATION_SCOPE = 3;
const DEGREE_SCOPE = 2;
/** "But": what came before in the sentence weighs half, what follows one and a half. */
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** A conceded clause (虽然房间小，…; although it was late, …) weighs half. */
const CONCESSION = 0.5;
const CAPS_EMPHASIS = 0.733;
const REPEAT_INTENSITY = 0.8;
const CAPS_INTENSITY = 0.8;
/** A unit no scope reaches from: where a modifier stands when none is pending. */
const NONE = -100;

/**
 * The VADER-style rules, applied as the scanner meets each unit of the text
 * (a word, an unmatched Chinese character, a lexicon entry, a run of ! and ?,
 * a clause or sentence break): negation and degree words wait for the word
 * they modify, "but" and "although" reweigh their sentence and clause, caps,
 * punctuation and repetition add emphasis, and finish() normalises the sum.
 * Every cue it records points into `text`.
 *
 * One instance serves one scan and holds only what the rules carry from one
 * unit to the next.
 */
export class SentimentRules {
  readonly cues: Evidence[] = [];
  /** Position counter for scopes: one per word, unmatched Chinese character or entry. */
  private unit = 0;
  /** Sum of the sentences already ended, and of the current one. */
  private done = 0;
  private sentence = 0;
  /** Weight of what follows a contrast in this sentence, and of a conceded clause. */
  private boost = 1;
  private concession = 1;
  private negation = 0;
  private negationUnit = NONE;
  private negationStart = 0;
  private negationEnd = 0;
  private negationShown = false;
  private degree = 1;
  private degreeUnit = NONE;
  private degreeStart = 0;
  private degreeEnd = 0;
  private degreeKind: 'intensifier' | 'dampener' = 'intensifier';
  private exclamations = 0;
  private questions = 0;
  /** The valence caps added and the caps cues shown, taken back when the whole text is in capitals. */
  private capsValence = 0;
  private capsCues = 0;
  private intensity = 0;
  /** Product of (1 - strength) over the intent cues: the chance no intent was meant. */
  private intentMiss = 1;
  /** True once the text showed a lower-case letter, in a word the scan read or an entry starting with a symbol (#fail). */
  private lowerLetters = false;
  /** Ids of the last four content entries, for the repetition rule. */
  private recent0 = -1;
  private recent1 = -1;
  private recent2 = -1;
  private recent3 = -1;

  constructor(private readonly text: string) {}

  /** A run of ! and ? from `start`: counted for emphasis, a cue from two on; it ends the sentence. Returns its end. */
  markRun(start: number, limit: number): number {
    let j = start;
    let bangs = 0;
    while (j < limit) {
      const f = FOLD[this.text.charCodeAt(j)] as number;
      if (CLASS[f] !== CHAR_MARK) break;
      if (f === 0x21) bangs++;
      j++;
    }
    const run = j - start;
    this.exclamations += bangs;
    this.questions += run - bangs;
    if (run >= 2) {
      const added = Math.min(1.6, 0.4 * (run - 1));
      this.intensity += added;
      pushCue(this.cues, this.text, start, j, 'punctuation', added);
    }
    this.endSentence();
    return j;
  }

  endSentence(): void {
    this.done += this.sentence;
    this.sentence = 0;
    this.boost = 1;
    this.endClause();
  }

  /** Negation and degree scopes and a concession stop at a clause break. */
  endClause(): void {
    this.concession = 1;
    this.negationUnit = NONE;
    this.degreeUnit = NONE;
    this.degree = 1;
  }

  /** The scan read a word holding a lower-case letter: ALL CAPS elsewhere stands out against it. */
  lowerCaseWord(): void {
    this.lowerLetters = true;
  }

  /** A unit that carries no cue (an unmatched Chinese character, the part of a modifier given up): it only moves the scopes along. */
  plain(): void {
    this.unit++;
  }

  /** A word no entry starts with: one ending in n't (shouldn't, wasn't) is a negation, any other is plain. */
  word(start: number, end: number): void {
    if (endsInNt(this.text, start, end)) this.setNegation(1, start, end);
    else this.unit++;
  }

  /** Entry `entry` of `lexicon` at text[start, end); `id` tells the same entry again (repetition). */
  entry(lexicon: CompiledLexicon, entry: number, id: number, start: number, end: number): void {
    const code = lexicon.codes[entry] as number;
    const weight = lexicon.weights[entry] as number;
    switch (code) {
      case ENTRY_NEGATION:
        this.setNegation(weight, start, end);
        return;
      case ENTRY_INTENSIFIER:
      case ENTRY_DAMPENER:
        // Degree words stack (非常非常, "really very") up to a bound.
        this.degree = this.unit - this.degreeUnit <= DEGREE_SCOPE ? Math.min(3, Math.max(0.3, this.degree * weight)) : weight;
        if (this.degreeUnit < this.unit - DEGREE_SCOPE) this.degreeStart = start;
        this.degreeUnit = this.unit;
        this.degreeEnd = end;
        this.degreeKind = code === ENTRY_INTENSIFIER ? 'intensifier' : 'dampener';
        this.unit++;
        return;
      case ENTRY_CONTRAST:
        this.sentence *= BEFORE_CONTRAST;
        this.boost = AFTER_CONTRAST;
        pushCue(this.cues, this.text, start, end, 'contrast', AFTER_CONTRAST);
        this.unit++;
        return;
      case ENTRY_BLOCK:
        this.unit++;
        return;
      case ENTRY_CONCESSION:
        this.concession = CONCESSION;
        this.unit++;
        return;
    }
    // The scan notes the case of words as it reads them; only entries starting with a symbol (#fail) need a look here.
    const first = this.text.charCodeAt(start);
    if (!this.lowerLetters && first < 0x80 && CLASS[FOLD[first] as number] !== CHAR_WORD) this.lowerLetters = hasLowerCase(this.text, start, end);
    const repeated = id === this.recent0 || id === this.recent1 || id === this.recent2 || id === this.recent3;
    this.recent3 = this.recent2;
    this.recent2 = this.recent1;
    this.recent1 = this.recent0;
    this.recent0 = id;
    const valence = lexicon.valences[entry] as number;
    if (code === ENTRY_FEELING || code === ENTRY_EMOJI) this.feeling(valence, code === ENTRY_EMOJI, start, end);
    else if (code === ENTRY_INTENT) this.intent(weight, valence, start, end);
    else if (code >= ENTRY_PROBLEM_BASE) this.problem(valence, problemKind(code), start, end);
    if (repeated) {
      this.intensity += REPEAT_INTENSITY;
      pushCue(this.cues, this.text, start, end, 'repetition', REPEAT_INTENSITY);
    }
    this.unit++;
  }

  private feeling(base: number, emoji: boolean, start: number, end: number): void {
    let v = base * this.takeDegree();
    if (!emoji && this.negated(NEGATION_SCOPE)) {
      // A negated positive turns negative. A negative right after its negation (不差, not bad) turns mildly
      // positive; further away the negation more likely belongs to another word (想象不到的脏乱差), so it only softens.
      v = v > 0 ? v * this.negation : this.unit - this.negationUnit <= 1 ? v * this.negation * 0.5 : v * 0.5;
    }
    v *= this.boost * this.concession;
    const caps = !emoji && end - start >= 2 && this.text.charCodeAt(start) < 0x80 && isAllCaps(this.text, start, end);
    if (caps) {
      const extra = v > 0 ? CAPS_EMPHASIS : v < 0 ? -CAPS_EMPHASIS : 0;
      v += extra;
      this.capsValence += extra;
    }
    this.sentence += v;
    if (emoji) this.intensity += Math.abs(v) / 4;
    pushCue(this.cues, this.text, start, end, emoji ? 'emoji' : v >= 0 ? 'positive' : 'negative', roundWeight(v));
    if (caps) {
      this.capsCues++;
      this.intensity += CAPS_INTENSITY;
      pushCue(this.cues, this.text, start, end, 'caps', CAPS_INTENSITY);
    }
  }

  private intent(strength: number, valence: number, start: number, end: number): void {
    let s = strength;
    let v = valence;
    if (this.negated(INTENT_NEGATION_SCOPE)) {
      s *= 1 + this.negation;
      v = 0;
    }
    v *= this.takeDegree() * this.boost;
    this.sentence += v;
    this.intentMiss *= 1 - s;
    pushCue(this.cues, this.text, start, end, 'intent', roundWeight(s));
  }

  private problem(valence: number, kind: CueKind, start: number, end: number): void {
    if (this.negated(PROBLEM_NEGATION_SCOPE)) return;
    const v = valence * this.takeDegree() * this.boost * this.concession;
    this.sentence += v;
    pushCue(this.cues, this.text, start, end, kind, roundWeight(v));
  }

  private setNegation(weight: number, start: number, end: number): void {
    this.negation = NEGATION_SCALAR * weight;
    this.negationUnit = this.unit;
    this.negationStart = start;
    this.negationEnd = end;
    this.negationShown = false;
    this.unit++;
  }

  /** True when a negation reaches this word; shows the negation as a cue the first time it applies. */
  private negated(scope: number): boolean {
    if (this.unit - this.negationUnit > scope) return false;
    if (!this.negationShown) {
      this.negationShown = true;
      insertCue(this.cues, this.text, this.negationStart, this.negationEnd, 'negation', roundWeight(this.negation));
    }
    return true;
  }

  /** The pending degree multiplier, consumed by the word it modifies (shown as a cue then). */
  private takeDegree(): number {
    if (this.unit - this.degreeUnit > DEGREE_SCOPE) return 1;
    const m = this.degree;
    this.degreeUnit = NONE;
    this.degree = 1;
    if (m > 1) this.intensity += (m - 1) * 2;
    insertCue(this.cues, this.text, this.degreeStart, this.degreeEnd, this.degreeKind, roundWeight(m));
    return m;
  }

  /** The analysis, once the scan has read the whole text (`language` is its judgement of the words it read). */
  finish(language: TextLanguage, truncated: boolean): TextAnalysis {
    let total = this.done + this.sentence;
    let cues = this.cues;
    // ALL CAPS only stands out against lower case: a text in capitals throughout gets no caps emphasis.
    if (this.capsCues > 0 && !this.lowerLetters) {
      total -= this.capsValence;
      this.intensity -= this.capsCues * CAPS_INTENSITY;
      cues = cues.filter((c) => c.kind !== 'caps');
    }
    const sentiment = vaderScore(total, this.exclamations, this.questions);
    return {
      language,
      sentiment: sentiment === 0 ? 0 : sentiment,
      intensity: this.intensity > 0 ? roundWeight(this.intensity) : 0,
      intent: 1 - this.intentMiss,
      cues,
      truncated,
    };
  }
}
