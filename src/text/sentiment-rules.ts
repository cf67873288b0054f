import type { Evidence, TextAnalysis, TextLanguage } from '../core/types.js';
import type { CompiledLexicon } from './compiled-lexicon.js';
import type { CueKind } from './cue-kinds.js';
import { pushCue, roundWeight } from './cue-list.js';
import { Emphasis } from './emphasis.js';
import {
  ENTRY_AFTER_NEGATION,
  ENTRY_BLOCK,
  ENTRY_CLOSURE,
  ENTRY_CONCESSION,
  ENTRY_CONTRAST,
  ENTRY_DAMPENER,
  ENTRY_EMOJI,
  ENTRY_FEELING,
  ENTRY_GRATITUDE,
  ENTRY_INTENSIFIER,
  ENTRY_INTENT,
  ENTRY_NEGATION,
  ENTRY_REQUEST,
  ENTRY_THANKS,
  ENTRY_YET,
  problemKind,
} from './entry-kind.js';
import { LastFeeling } from './last-feeling.js';
import { CLOSURE_INTENT, GratitudeRule } from './gratitude-rule.js';
import { ModifierScopes, NEGATION_SCALAR } from './modifier-scopes.js';
import { AFTER_CONTRAST, SentenceSum } from './sentence-sum.js';
import { endsClauseAt, endsInNegation, endsInNt, isQuestionPair } from './word-chars.js';
import { vaderScore } from './vader-score.js';

/** Words (or unmatched Chinese characters) a negation reaches forward: 不是很满意, "don't think it's good". */
const NEGATION_SCOPE = 4;
/** A negation this close to a problem or intent phrase cancels it (没有延误, 不会投诉). */
const PROBLEM_NEGATION_SCOPE = 1;
const INTENT_NEGATION_SCOPE = 3;
/** A feeling at or below this (after its modifiers) states a complaint, as a named problem of at least -1 does. */
const COMPLAINT_FEELING = -2;
const COMPLAINT_PROBLEM = -1;

/**
 * The VADER-style rules, applied as the scanner meets each unit of the text
 * (a word, an unmatched Chinese character, a lexicon entry, a run of ! and ?,
 * a clause or sentence break): negation and degree words wait for the word
 * they modify, "but" and "although" reweigh their sentence and clause
 * (sentence-sum.ts), caps, punctuation and repetition add emphasis
 * (emphasis.ts), and finish() normalises the sum. On top, the language of
 * service complaints: thanks that are sarcasm or courtesy and intent words
 * that are a closure (gratitude-rule.ts), a negation after its word
 * (开心不起来), A-not-A questions (是不是) that negate nothing, and requests
 * for action that count when a complaint is stated. Every cue it records
 * points into `text`.
 *
 * One instance serves one scan at a time and holds what the rules carry
 * from unit to unit. An analyzer keeps one from scan to scan (making its
 * objects anew was ~700 of the ~1,800 bytes a short Chinese text's scan
 * allocated); between scans it is as new (reset(), test/text/rules-reuse.test.ts).
 */
export class SentimentRules {
  /** The cues of the text being read, in text order; a fresh list each text, handed out in its analysis. */
  cues: Evidence[] = [];
  private text = '';
  /** Position counter for scopes: one per word, unmatched Chinese character or entry. */
  private unit = 0;
  private readonly scopes = new ModifierScopes();
  private readonly sum = new SentenceSum();
  private readonly emphasis = new Emphasis();
  /** Thanks, closures and intent so far; made at the first of them. */
  private gratitude: GratitudeRule | undefined = undefined;
  /** Product of (1 - strength) over the intent cues: the chance no intent was meant. */
  private intentMiss = 1;
  /** The last feeling read: a negation after it (开心不起来) turns it. */
  private readonly lastFeeling = new LastFeeling();

  /** Readies the rules for `text`. */
  begin(text: string): void {
    this.text = text;
    this.scopes.begin(text, this.cues);
  }

  /** Back to a new instance's state once a scan is done (its analysis holds the cues): nothing of that text stays. */
  reset(): void {
    this.cues = [];
    this.text = '';
    this.unit = 0;
    this.scopes.reset();
    this.sum.reset();
    this.emphasis.reset();
    this.gratitude = undefined;
    this.intentMiss = 1;
    this.lastFeeling.reset();
  }

  /** A run of ! and ? from `start`: counted for emphasis, a cue from two on; it ends the sentence. Returns its end. */
  markRun(start: number, limit: number): number {
    const end = this.emphasis.markRun(this.text, this.cues, start, limit);
    this.endSentence();
    return end;
  }

  endSentence(): void {
    this.sum.endSentence();
    this.scopes.endClause();
  }

  /** Negation and degree scopes and a concession stop at a clause break. */
  endClause(): void {
    this.sum.endClause();
    this.scopes.endClause();
  }

  /** The scan read a word holding a lower-case letter: ALL CAPS elsewhere stands out against it. */
  lowerCaseWord(): void {
    this.emphasis.lowerCase();
  }

  /** A unit that carries no cue (an unmatched Chinese character, the part of a modifier given up): it only moves the scopes along. */
  plain(): void {
    this.unit++;
  }

  /** A word no entry starts with: one ending in n't (shouldn't, wasn't) is a negation, any other is plain. */
  word(start: number, end: number): void {
    if (endsInNt(this.text, start, end)) this.scopes.setNegation(this.unit, 1, start, end);
    this.unit++;
  }

  /** Entry `entry` of `lexicon` at text[start, end); `id` tells the same entry again (repetition). */
  entry(lexicon: CompiledLexicon, entry: number, id: number, start: number, end: number): void {
    const code = lexicon.codes[entry] as number;
    const weight = lexicon.weights[entry] as number;
    switch (code) {
      case ENTRY_NEGATION:
        // An A-not-A question (是不是, 有没有, 能不能转人工) holds a negation character but negates nothing.
        if (!isQuestionPair(this.text, start)) this.scopes.setNegation(this.unit, weight, start, end);
        this.unit++;
        return;
      case ENTRY_INTENSIFIER:
      case ENTRY_DAMPENER:
        this.scopes.setDegree(this.unit, weight, code === ENTRY_INTENSIFIER ? 'intensifier' : 'dampener', start, end);
        this.unit++;
        return;
      case ENTRY_YET:
        // After a negation or a named problem in its clause, or ending it, "yet" is time, not a contrast:
        // "haven't received my refund yet" keeps its full weight. Else it is one: "paid for it, yet it broke",
        // and after a mere feeling too ("it hurt, yet it was worth it").
        if (this.scopes.negationPending || this.sum.namedComplaintInClause || endsClauseAt(this.text, end)) this.unit++;
        else this.contrast(start, end);
        return;
      case ENTRY_CONTRAST:
        this.contrast(start, end);
        return;
      case ENTRY_AFTER_NEGATION:
        this.negateFeelingBefore(weight, start, end);
        return;
      case ENTRY_BLOCK:
        this.unit++;
        return;
      case ENTRY_CONCESSION:
        this.sum.concede();
        this.unit++;
        return;
    }
    const repeated = this.emphasis.content(this.text, id, start, end);
    const valence = lexicon.valences[entry] as number;
    if (code === ENTRY_FEELING || code === ENTRY_EMOJI) this.feeling(valence, code === ENTRY_EMOJI, start, end);
    else if (code === ENTRY_INTENT) this.intent(weight, valence, start, end);
    else if (code === ENTRY_THANKS || code === ENTRY_GRATITUDE) this.thanks(valence, code === ENTRY_THANKS, start, end);
    else if (code === ENTRY_CLOSURE) this.closure(valence, start, end);
    else if (code === ENTRY_REQUEST) this.sum.request(start, end, valence * this.takeDegree());
    else this.problem(valence, problemKind(code), start, end);
    if (repeated) this.emphasis.repetition(this.text, this.cues, start, end);
    this.unit++;
  }

  private contrast(start: number, end: number): void {
    this.sum.contrast();
    this.gratitude?.contrast();
    pushCue(this.cues, this.text, start, end, 'contrast', AFTER_CONTRAST);
    this.unit++;
  }

  /** A feeling word or emoji; returns the valence it added (it is then the last feeling). */
  private feeling(base: number, emoji: boolean, start: number, end: number): number {
    let v = base * this.takeDegree();
    if (!emoji && this.scopes.negated(this.unit, NEGATION_SCOPE)) {
      // A negated positive turns negative. A negative right after its negation (不差, not bad) turns mildly
      // positive; further away the negation more likely belongs to another word (想象不到的脏乱差), so it only softens.
      const n = this.scopes.negation;
      v = v > 0 ? v * n : this.scopes.sinceNegation(this.unit) <= 1 ? v * n * 0.5 : v * 0.5;
    }
    v *= this.sum.feelingWeight(v);
    const caps = emoji ? 0 : this.emphasis.capsExtra(this.text, start, end, v);
    v += caps;
    this.sum.add(v);
    if (emoji) this.emphasis.emoji(v);
    const cue = pushCue(this.cues, this.text, start, end, emoji ? 'emoji' : v >= 0 ? 'positive' : 'negative', roundWeight(v));
    if (caps !== 0) this.emphasis.capsCue(this.text, this.cues, start, end);
    this.lastFeeling.note(cue, v, caps, this.unit, this.sum.clause);
    if (v > 0) {
      this.sum.answered();
      this.gratitude?.praise();
    } else if (v <= COMPLAINT_FEELING) this.complaint(false);
    return v;
  }

  /** A thank-you: a courtesy right after a complaint (when it `mayBeCourtesy`), else praise that a complaint later in its clause turns sarcastic. */
  private thanks(base: number, mayBeCourtesy: boolean, start: number, end: number): void {
    const gratitude = (this.gratitude ??= new GratitudeRule());
    if (mayBeCourtesy && this.sum.complaintUnanswered) {
      gratitude.courtesy(this.sum.clause);
      return;
    }
    const v = this.feeling(base, false, start, end);
    if (v > 0) gratitude.openThanks(this.lastFeeling.cue as Evidence, v, this.lastFeeling.caps, this.sum.clause);
  }

  /** A problem put right: praise, and the intent words of its clause are a closure (the last one before it is taken back). */
  private closure(base: number, start: number, end: number): void {
    if (this.feeling(base, false, start, end) > 0) this.intentMiss = (this.gratitude ??= new GratitudeRule()).closure(this.sum, this.intentMiss);
  }

  /** A complaint was stated here (`named`: a problem or intent, not only a feeling): it turns a thank-you open in its clause sarcastic. */
  private complaint(named: boolean): void {
    this.sum.complaint(named);
    this.gratitude?.complaint(this.sum, this.emphasis);
  }

  /** A negation after its word (开心不起来): the feeling right before it in its clause turns. */
  private negateFeelingBefore(weight: number, start: number, end: number): void {
    const last = this.lastFeeling;
    if (last.turnsAt(this.unit, this.sum.clause)) {
      const cue = last.cue as Evidence;
      const turned = (last.value - last.caps) * NEGATION_SCALAR * weight;
      this.sum.add(turned - last.value);
      this.emphasis.takeBackCaps(last.caps);
      cue.kind = 'negative';
      cue.weight = roundWeight(turned);
      pushCue(this.cues, this.text, start, end, 'negation', roundWeight(NEGATION_SCALAR * weight));
      last.taken();
      if (turned <= COMPLAINT_FEELING) this.complaint(false);
    }
    this.unit++;
  }

  private intent(strength: number, valence: number, start: number, end: number): void {
    let s = strength;
    let v = valence;
    if (this.scopes.negated(this.unit, INTENT_NEGATION_SCOPE)) {
      s *= 1 + this.scopes.negation;
      v = 0;
    } else if (this.gratitude !== undefined && this.gratitude.closes(this.sum.clause)) {
      s *= CLOSURE_INTENT;
      v = 0;
    }
    v *= this.takeDegree() * this.sum.intentWeight();
    this.sum.add(v);
    this.intentMiss *= 1 - s;
    const cue = pushCue(this.cues, this.text, start, end, 'intent', roundWeight(s));
    if (v < 0) {
      (this.gratitude ??= new GratitudeRule()).noteIntent(cue, s, v, this.sum.clause);
      this.complaint(true);
    }
  }

  private problem(valence: number, kind: CueKind, start: number, end: number): void {
    if (this.scopes.negated(this.unit, PROBLEM_NEGATION_SCOPE)) return;
    const v = valence * this.takeDegree() * this.sum.problemWeight();
    this.sum.add(v);
    pushCue(this.cues, this.text, start, end, kind, roundWeight(v));
    // A repeat on its own (第二次入住, "third time this month") names no fault: it is no named complaint.
    if (v <= COMPLAINT_PROBLEM) this.complaint(kind !== 'repeat');
    // A problem ending in a negation negates on: "still hasn't been resolved" is no praise. Its cue shows the negation.
    if (this.text.charCodeAt(end - 1) < 0x80 && endsInNegation(this.text, start, end)) this.scopes.negateOn(this.unit);
  }

  /** The pending degree multiplier, consumed by the word it modifies (shown as a cue then). */
  private takeDegree(): number {
    const m = this.scopes.takeDegree(this.unit);
    this.emphasis.degree(m);
    return m;
  }

  /** The analysis, once the scan has read the whole text (`language` is its judgement of the words it read). */
  finish(language: TextLanguage, truncated: boolean): TextAnalysis {
    let total = this.sum.total(this.text, this.cues);
    let cues = this.cues;
    // ALL CAPS only stands out against lower case: a text in capitals throughout gets no caps emphasis.
    if (this.emphasis.capsThroughout) {
      total -= this.emphasis.takeBackAllCaps();
      cues = cues.filter((c) => c.kind !== 'caps');
    }
    const sentiment = vaderScore(total, this.emphasis.exclamations, this.emphasis.questions);
    const intensity = this.emphasis.intensity;
    return {
      language,
      sentiment: sentiment === 0 ? 0 : sentiment,
      intensity: intensity > 0 ? roundWeight(intensity) : 0,
      intent: 1 - this.intentMiss,
      cues,
      truncated,
    };
  }
}
