import { MAX_EVIDENCE } from '../../core/evidence-limits.js';
import type { Evidence } from '../../core/types.js';

/**
 * Hits kept as candidates for the evidence before the weakest are dropped:
 * room for the MAX_EVIDENCE strongest each way plus as many again, so a
 * drop (two bounded selections over this many) comes at most once per
 * MAX_EVIDENCE new hits.
 */
const CANDIDATES = 4 * MAX_EVIDENCE;

/**
 * The distinct learned terms found in one text (or one transcript's
 * customer turns, offsets into them joined with "\n"): each term's first
 * match only, since a term said three times counts once. Kept as the text is
 * read: the sum of their weights (the feature's column), how many, and
 * enough candidates for the MAX_EVIDENCE strongest each way (the evidence,
 * whichever way the sum goes), in typed arrays: a hit costs no object and
 * no sorting; the strongest are picked only when evidence is asked for. A
 * live session's turn thus costs that turn's matches, however many turns
 * came before, and memory stays bounded however many terms a text holds.
 * Owned by one scorer (or one transcript reading) and reused: `clear()`
 * starts the next text.
 */
export class TermHits {
  /** Distinct terms found. */
  count = 0;
  /** Sum of the distinct terms' weights, in the order they were found. */
  weightSum = 0;
  /** Term id → the text number it was last found in, so a repeat is skipped without clearing per text. */
  private seenIn: Int32Array = new Int32Array(64);
  private textNumber = 1;
  // Candidate hits, in the order found (text order): term, span in its piece, piece, weight.
  private kept = 0;
  private readonly terms = new Int32Array(CANDIDATES);
  private readonly starts = new Int32Array(CANDIDATES);
  private readonly ends = new Int32Array(CANDIDATES);
  private readonly pieceOf = new Int32Array(CANDIDATES);
  private readonly weights = new Float64Array(CANDIDATES);
  /** Work space of `select` (candidate indices, strongest first) and of `dropWeakest`. */
  private readonly order = new Int32Array(MAX_EVIDENCE);
  private readonly keep = new Uint8Array(CANDIDATES);
  /** The texts read (one per transcript turn) and where each starts in the joined text. */
  private readonly pieces: string[] = [];
  private readonly pieceOffsets: number[] = [];

  clear(): void {
    this.count = 0;
    this.weightSum = 0;
    this.kept = 0;
    this.pieces.length = 0;
    this.pieceOffsets.length = 0;
    if (++this.textNumber === 0x7fffffff) {
      this.textNumber = 1;
      this.seenIn.fill(0);
    }
  }

  /** Starts a piece of the text (a string, or a transcript's next customer turn) at `offset` in the joined text. */
  beginPiece(text: string, offset: number): void {
    this.pieces.push(text);
    this.pieceOffsets.push(offset);
  }

  /** Whether `term` was found already in this text (then a new match adds nothing). */
  has(term: number): boolean {
    return term < this.seenIn.length && this.seenIn[term] === this.textNumber;
  }

  /** The first match of a term in this text, at [start, end) of the current piece; later matches of the same term are ignored. */
  push(term: number, start: number, end: number, weight: number): void {
    if (this.has(term)) return;
    if (term >= this.seenIn.length) {
      const grown = new Int32Array(Math.max(term + 1, this.seenIn.length * 2));
      grown.set(this.seenIn);
      this.seenIn = grown;
    }
    this.seenIn[term] = this.textNumber;
    this.count++;
    this.weightSum += weight;
    if (this.kept === CANDIDATES) this.dropWeakest();
    const at = this.kept++;
    this.terms[at] = term;
    this.starts[at] = start;
    this.ends[at] = end;
    this.pieceOf[at] = this.pieces.length - 1;
    this.weights[at] = weight;
  }

  /**
   * The MAX_EVIDENCE strongest hits that raise the risk (`direction` 1:
   * highest weight first) or lower it (−1: lowest first), ties in text order,
   * as evidence spans naming each term by `names[term]`: built straight from
   * the buffers, with no hit objects between.
   */
  evidence(direction: 1 | -1, names: readonly string[]): Evidence[] {
    const n = this.select(direction);
    const out: Evidence[] = new Array<Evidence>(n);
    for (let i = 0; i < n; i++) {
      const at = this.order[i] as number;
      out[i] = { text: this.textOf(at), start: this.startOf(at), end: this.endOf(at), kind: 'term', weight: this.weights[at] as number, term: names[this.terms[at] as number] as string };
    }
    return out;
  }

  private startOf(at: number): number {
    return (this.starts[at] as number) + (this.pieceOffsets[this.pieceOf[at] as number] as number);
  }

  private endOf(at: number): number {
    return (this.ends[at] as number) + (this.pieceOffsets[this.pieceOf[at] as number] as number);
  }

  private textOf(at: number): string {
    return (this.pieces[this.pieceOf[at] as number] as string).slice(this.starts[at] as number, this.ends[at] as number);
  }

  /**
   * Puts the indices of the MAX_EVIDENCE strongest candidates in `direction`
   * into `order`, strongest first, and returns how many. A bounded insertion:
   * candidates are visited in text order and one goes after those it ties
   * with, so ties stay in text order (as a stable sort of them all would
   * leave them), and one no stronger than the weakest of a full list is
   * skipped at one comparison. No array, closure or sort per call.
   */
  private select(direction: 1 | -1): number {
    const order = this.order;
    const weights = this.weights;
    const kept = this.kept;
    let n = 0;
    // Keys are direction × weight; the weakest kept key is held in `floor` once the list is full.
    let floor = 0;
    for (let at = 0; at < kept; at++) {
      const key = direction * (weights[at] as number);
      if (n === MAX_EVIDENCE && key <= floor) continue;
      let j = n < MAX_EVIDENCE ? n++ : MAX_EVIDENCE - 1;
      while (j > 0 && direction * (weights[order[j - 1] as number] as number) < key) {
        order[j] = order[j - 1] as number;
        j--;
      }
      order[j] = at;
      if (n === MAX_EVIDENCE) floor = direction * (weights[order[MAX_EVIDENCE - 1] as number] as number);
    }
    return n;
  }

  /** Keeps the MAX_EVIDENCE strongest each way (in text order) and forgets the other candidates. */
  private dropWeakest(): void {
    const keep = this.keep;
    keep.fill(0);
    for (let n = this.select(1), i = 0; i < n; i++) keep[this.order[i] as number] = 1;
    for (let n = this.select(-1), i = 0; i < n; i++) keep[this.order[i] as number] = 1;
    let to = 0;
    for (let from = 0; from < this.kept; from++) {
      if (keep[from] === 0) continue;
      this.terms[to] = this.terms[from] as number;
      this.starts[to] = this.starts[from] as number;
      this.ends[to] = this.ends[from] as number;
      this.pieceOf[to] = this.pieceOf[from] as number;
      this.weights[to] = this.weights[from] as number;
      to++;
    }
    this.kept = to;
  }
}
