import type { Evidence } from '../core/types.js';

/**
 * A short list of evidence spans with each span's place in the text's cue
 * order, filled while a text is read and handed out as a result's evidence
 * without a copy. Once handed out the array belongs to that result: the next
 * change (a live session's later turn) copies it first, so a result already
 * returned never changes under its reader.
 */
export class EvidenceList {
  private cues: Evidence[] = [];
  private readonly orders: number[] = [];
  private handedOut = false;

  get length(): number {
    return this.cues.length;
  }

  cueAt(i: number): Evidence {
    return this.cues[i] as Evidence;
  }

  orderAt(i: number): number {
    return this.orders[i] as number;
  }

  push(cue: Evidence, order: number): void {
    this.writable().push(cue);
    this.orders.push(order);
  }

  /** Puts `cue` at `at`, then drops what lies past `max` (a few entries: shifted by hand, no splice). */
  insert(at: number, cue: Evidence, order: number, max: number): void {
    const cues = this.writable();
    const orders = this.orders;
    let i = cues.length < max ? cues.length : max - 1;
    for (; i > at; i--) {
      cues[i] = cues[i - 1] as Evidence;
      orders[i] = orders[i - 1] as number;
    }
    cues[at] = cue;
    orders[at] = order;
  }

  /** The spans, for a result: the caller may keep the array; this list will not change it again. */
  handOut(): Evidence[] {
    this.handedOut = true;
    return this.cues;
  }

  /** Each span with its order, for merging lists (a fresh array). */
  entries(): { cue: Evidence; order: number }[] {
    return this.cues.map((cue, i) => ({ cue, order: this.orders[i] as number }));
  }

  private writable(): Evidence[] {
    if (this.handedOut) {
      this.cues = this.cues.slice();
      this.handedOut = false;
    }
    return this.cues;
  }
}
