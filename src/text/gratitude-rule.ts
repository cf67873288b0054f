import type { Evidence } from '../core/types.js';

/** No clause or sentence: where a state stands when nothing is pending. */
const NONE = -100;

/**
 * What the thanks and closure rules carry from one unit to the next.
 * sentiment-rules.ts tells it what it meets (in clause and sentence
 * numbers) and applies its answers to the sums and cues.
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
  thanksCue: Evidence | undefined = undefined;
  thanksValue = 0;
  thanksCaps = 0;
  private thanksClause = NONE;
  private closureClause = NONE;
  /** The last intent cue counted, its strength and the valence it added, and its clause: a closure later in that clause takes it back. */
  intentCue: Evidence | undefined = undefined;
  intentStrength = 0;
  intentValence = 0;
  private intentClause = NONE;
  private complaintSentence = NONE;

  /** True when a thank-you in `sentence` follows a complaint nothing has answered: a courtesy. */
  isCourtesy(sentence: number): boolean {
    return this.complaintSentence >= sentence - 1;
  }

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

  /** A complaint in `clause` of `sentence`; returns the cue of the thank-you it turns sarcastic (thanksValue and thanksCaps tell what it added), if one is open there. */
  complaint(clause: number, sentence: number): Evidence | undefined {
    this.complaintSentence = sentence;
    const thanks = this.thanksCue;
    if (thanks === undefined || this.thanksClause !== clause) return undefined;
    this.thanksCue = undefined;
    this.closureClause = NONE;
    return thanks;
  }

  /** Praise answers the complaints before it and settles an open thank-you as meant. */
  praise(): void {
    this.complaintSentence = NONE;
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

  /** A problem put right in `clause`; returns the cue of that clause's intent it closes (intentStrength and intentValence tell what it added), if any. */
  closure(clause: number): Evidence | undefined {
    this.closureClause = clause;
    this.complaintSentence = NONE;
    const intent = this.intentCue;
    this.intentCue = undefined;
    return intent !== undefined && this.intentClause === clause ? intent : undefined;
  }
}
