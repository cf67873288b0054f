import type { Evidence } from '../core/types.js';
import { roundWeight } from './cue-list.js';
import type { Emphasis } from './emphasis.js';
import type { SentenceSum } from './sentence-sum.js';

/** No clause or sentence: where a state stands when nothing is pending. */
const NONE = -100;
/** What a sarcastic thank-you weighs ("thanks for the 3-hour wait"). */
const SARCASM = -2.2;
/** Intent words in a closure ("thanks for resolving my complaint") keep this share of their strength and add no valence. */
export const CLOSURE_INTENT = 0.2;

/**
 * What the thanks and closure rules carry from one unit to the next, made
 * when a text first thanks, puts a problem right or states intent.
 * sentiment-rules.ts tells it what it meets; it takes back from the sums
 * and cues what turns out sarcasm or closure. Whether a complaint stands
 * unanswered is the sentence sum's to tell (sentence-sum.ts).
 *
 * - A thank-you is praise, unless a complaint (a named problem, a clearly
 *   negative word) follows in its clause: "thanks for the 3-hour wait" is
 *   sarcasm. Praise after the thank-you settles it as meant.
 * - A thank-you right after an unanswered complaint (this sentence or the
 *   one before, no praise or contrast between) is a courtesy, not praise:
 *   "still no refund. thanks". Thanks alone stays praise.
 * - Intent words in the clause of a thank-you or of a problem put right are
 *   a closure, not a threat: "thanks for resolving my complaint".
 */
export class GratitudeRule {
  /** A thank-you open to sarcasm: its cue, the valence it added and the share of it from caps, and its clause. */
  private thanksCue: Evidence | undefined = undefined;
  private thanksValue = 0;
  private thanksCaps = 0;
  private thanksClause = NONE;
  private closureClause = NONE;
  /** The last intent cue counted, its strength and the valence it added, and its clause: a closure later in that clause takes it back. */
  private intentCue: Evidence | undefined = undefined;
  private intentStrength = 0;
  private intentValence = 0;
  private intentClause = NONE;

  /** A thank-you read as praise; it opens its clause for closure and stays open to sarcasm there. */
  openThanks(cue: Evidence, value: number, caps: number, clause: number): void {
    this.thanksCue = cue;
    this.thanksValue = value;
    this.thanksCaps = caps;
    this.thanksClause = clause;
    this.closureClause = clause;
  }

  /** A thank-you read as a courtesy: intent words after it are still a closure ("thanks for the refund"). */
  courtesy(clause: number): void {
    this.closureClause = clause;
  }

  /** A complaint in the current clause of `sum`: a thank-you open there was sarcastic, and is turned. */
  complaint(sum: SentenceSum, emphasis: Emphasis): void {
    const thanks = this.thanksCue;
    if (thanks === undefined || this.thanksClause !== sum.clause) return;
    this.thanksCue = undefined;
    this.closureClause = NONE;
    sum.add(SARCASM - this.thanksValue);
    emphasis.takeBackCaps(this.thanksCaps);
    thanks.kind = 'negative';
    thanks.weight = SARCASM;
  }

  /** Praise settles an open thank-you as meant. */
  praise(): void {
    this.thanksCue = undefined;
  }

  /** A contrast turns the sentence: what came before no longer frames what follows. */
  contrast(): void {
    this.praise();
    this.closureClause = NONE;
  }

  /** True when intent words in `clause` are a closure. */
  closes(clause: number): boolean {
    return this.closureClause === clause;
  }

  /** An intent cue as counted, for a closure later in its clause to take back. */
  noteIntent(cue: Evidence, strength: number, valence: number, clause: number): void {
    this.intentCue = cue;
    this.intentStrength = strength;
    this.intentValence = valence;
    this.intentClause = clause;
  }

  /**
   * A problem put right in the current clause of `sum`: the clause's last
   * intent, if any, was a closure and is taken back to CLOSURE_INTENT of its
   * strength. Returns the chance no intent was meant (`intentMiss` before).
   */
  closure(sum: SentenceSum, intentMiss: number): number {
    const clause = sum.clause;
    this.closureClause = clause;
    const intent = this.intentCue;
    this.intentCue = undefined;
    const strength = this.intentStrength;
    // An intent of full strength (a custom entry of weight 1) left no chance to take back: it stands.
    if (intent === undefined || this.intentClause !== clause || strength >= 1) return intentMiss;
    sum.add(-this.intentValence);
    intent.weight = roundWeight(strength * CLOSURE_INTENT);
    return (intentMiss / (1 - strength)) * (1 - strength * CLOSURE_INTENT);
  }
}
