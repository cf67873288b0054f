import type { Evidence } from '../core/types.js';
import { insertCue, roundWeight } from './cue-list.js';

/** "But": what came before in the sentence weighs half, what follows one and a half. */
const BEFORE_CONTRAST = 0.5;
export const AFTER_CONTRAST = 1.5;
/** A conceded clause (虽然房间小，…; although it was late, …) weighs half. */
const CONCESSION = 0.5;
/** After a contrast that follows a named complaint, praise may take back at most this share of the sentence before it. */
const PRAISE_AFTER_COMPLAINT = 0.5;

/**
 * How the valences of one text add up, sentence by sentence. A contrast
 * ("but", 但是) halves what came before it in the sentence and weighs what
 * follows one and a half; a conceded clause (虽然…, although …) weighs half.
 * After a complaint named in its sentence (a problem, explicit intent), a
 * contrast keeps the complaint whole, and the praise after it counts as it
 * is and takes back at most half: 等了一个多小时，但是味道不错 stays a
 * complaint. (Mere flaws before a contrast, 房间有点小，但是很干净, are
 * reweighed as before.)
 *
 * It also numbers clauses and sentences and notes where complaints were
 * stated, which the rules for thanks and "yet" ask about, and holds the
 * requests for action ("please check my order"), which count only in a text
 * that states a complaint.
 */
export class SentenceSum {
  private done = 0;
  private sentence = 0;
  /** Weight of what follows a contrast in this sentence, and of praise there. */
  private boost = 1;
  private praiseBoost = 1;
  private conceded = 1;
  /** The most the sentence may sum to once praise follows a contrast after a named complaint. */
  private praiseCap = Infinity;
  private clauses = 0;
  private sentences = 0;
  private clauseComplaint = false;
  private clauseNamedComplaint = false;
  private namedComplaint = false;
  private stated = false;
  /** The sentence of the last complaint no praise or contrast has answered since. */
  private unansweredSentence = -100;
  /** Requests for action (start, end, valence each); made at the first. */
  private requests: number[] | undefined = undefined;

  /** Back to a new instance's state, for the next text: one analyzer reuses its rules (sentiment-rules.ts). */
  reset(): void {
    this.done = 0;
    this.sentence = 0;
    this.boost = 1;
    this.praiseBoost = 1;
    this.conceded = 1;
    this.praiseCap = Infinity;
    this.clauses = 0;
    this.sentences = 0;
    this.clauseComplaint = false;
    this.clauseNamedComplaint = false;
    this.namedComplaint = false;
    this.stated = false;
    this.unansweredSentence = -100;
    this.requests = undefined;
  }

  /** Number of the current clause and sentence, counted from 0 through the text. */
  get clause(): number {
    return this.clauses;
  }

  get sentenceNumber(): number {
    return this.sentences;
  }

  /** True when the current clause named a complaint: a problem or intent, not only a feeling. */
  get namedComplaintInClause(): boolean {
    return this.clauseNamedComplaint;
  }

  /** True when a complaint in this sentence or the one before stands unanswered by praise or a contrast. */
  get complaintUnanswered(): boolean {
    return this.unansweredSentence >= this.sentences - 1;
  }

  /** True when the text so far stated a complaint anywhere. */
  get complaintStated(): boolean {
    return this.stated;
  }

  /** Weight of a feeling of valence `v` (after its own modifiers) here. */
  feelingWeight(v: number): number {
    return (v > 0 ? this.praiseBoost : this.boost) * this.conceded;
  }

  /** Weight of a named problem or a request here. */
  problemWeight(): number {
    return this.boost * this.conceded;
  }

  /** Weight of intent valence here: a contrast counts, a concession does not. */
  intentWeight(): number {
    return this.boost;
  }

  add(v: number): void {
    this.sentence += v;
  }

  /** A complaint stated here; `named` when it is a problem or intent, not only a feeling. */
  complaint(named: boolean): void {
    this.clauseComplaint = true;
    if (named) {
      this.namedComplaint = true;
      this.clauseNamedComplaint = true;
    }
    this.stated = true;
    this.unansweredSentence = this.sentences;
  }

  /** Praise answers the complaints before it. */
  answered(): void {
    this.unansweredSentence = -100;
  }

  contrast(): void {
    if (this.namedComplaint && this.sentence < 0) {
      this.praiseBoost = 1;
      this.praiseCap = Math.min(this.praiseCap, this.sentence * PRAISE_AFTER_COMPLAINT);
    } else {
      this.sentence *= BEFORE_CONTRAST;
      this.praiseBoost = AFTER_CONTRAST;
    }
    this.boost = AFTER_CONTRAST;
    this.unansweredSentence = -100;
  }

  concede(): void {
    this.conceded = CONCESSION;
  }

  endClause(): void {
    this.clauses++;
    this.clauseComplaint = false;
    this.clauseNamedComplaint = false;
    this.conceded = 1;
  }

  endSentence(): void {
    this.done += Math.min(this.sentence, this.praiseCap);
    this.sentence = 0;
    this.boost = 1;
    this.praiseBoost = 1;
    this.praiseCap = Infinity;
    this.namedComplaint = false;
    this.sentences++;
    this.endClause();
  }

  /** A request for action at text[start, end) weighing `v`, counted at the end if the text states a complaint. */
  request(start: number, end: number, v: number): void {
    (this.requests ??= []).push(start, end, v * this.boost * this.conceded);
  }

  /** The sum over the text, the current sentence included, and the requests' cues added when they count. */
  total(text: string, cues: Evidence[]): number {
    let total = this.done + Math.min(this.sentence, this.praiseCap);
    const r = this.requests;
    if (r === undefined || !this.stated) return total;
    for (let k = 0; k < r.length; k += 3) {
      total += r[k + 2] as number;
      insertCue(cues, text, r[k] as number, r[k + 1] as number, 'negative', roundWeight(r[k + 2] as number));
    }
    return total;
  }
}
