import { MAX_EVIDENCE } from '../../core/evidence-limits.js';

/** One distinct term found: where it first matched, in the customer's spelling, and its weight. */
export interface TermHit {
  readonly term: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly weight: number;
}

/**
 * The distinct learned terms found in one text (or one transcript's
 * customer turns, offsets into them joined with "\n"): each term's first
 * match only, since a term said three times counts once. Kept as the text is
 * read: the sum of their weights (the feature's column), how many, and the
 * MAX_EVIDENCE strongest each way (the evidence, whichever way the sum
 * goes). A live session's turn thus costs that turn's matches, however many
 * turns came before. Owned by one scorer (or one transcript reading) and
 * reused: `clear()` starts the next text.
 */
export class TermHits {
  /** Distinct terms found. */
  count = 0;
  /** Sum of the distinct terms' weights, in the order they were found. */
  weightSum = 0;
  /** Strongest raising first (highest weight; ties in text order). */
  readonly highest: TermHit[] = [];
  /** Strongest lowering first (lowest weight; ties in text order). */
  readonly lowest: TermHit[] = [];
  /** Term id → the text number it was last found in, so a repeat is skipped without clearing per text. */
  private seenIn: Int32Array = new Int32Array(64);
  private textNumber = 1;

  clear(): void {
    this.count = 0;
    this.weightSum = 0;
    this.highest.length = 0;
    this.lowest.length = 0;
    if (++this.textNumber === 0x7fffffff) {
      this.textNumber = 1;
      this.seenIn.fill(0);
    }
  }

  /** Whether `term` was found already in this text (then a new match adds nothing). */
  has(term: number): boolean {
    return term < this.seenIn.length && this.seenIn[term] === this.textNumber;
  }

  /** The first match of a term in this text; later matches of the same term are ignored. */
  push(term: number, start: number, end: number, text: string, weight: number): void {
    if (this.has(term)) return;
    if (term >= this.seenIn.length) {
      const grown = new Int32Array(Math.max(term + 1, this.seenIn.length * 2));
      grown.set(this.seenIn);
      this.seenIn = grown;
    }
    this.seenIn[term] = this.textNumber;
    this.count++;
    this.weightSum += weight;
    const hit: TermHit = { term, start, end, text, weight };
    keep(this.highest, hit, (a, b) => a.weight > b.weight || (a.weight === b.weight && a.start < b.start));
    keep(this.lowest, hit, (a, b) => a.weight < b.weight || (a.weight === b.weight && a.start < b.start));
  }
}

/** Inserts `hit` in order (a full tie keeps the order found); at most MAX_EVIDENCE kept. */
function keep(list: TermHit[], hit: TermHit, stronger: (a: TermHit, b: TermHit) => boolean): void {
  let at = list.length;
  while (at > 0 && stronger(hit, list[at - 1] as TermHit)) at--;
  if (at >= MAX_EVIDENCE) return;
  list.splice(at, 0, hit);
  if (list.length > MAX_EVIDENCE) list.pop();
}
