import { doubled } from '../../core/growing-arrays.js';

/**
 * Numbers each distinct pair of 32-bit integers it is given (0, 1, 2, … in
 * order of first sight), in typed arrays with open addressing: a training
 * set's Han n-grams are millions of distinct keys, and as strings in a Map
 * each costs about as much as the rest of a row's data. Here a key costs
 * its two halves, a slot or two and nothing for the garbage collector.
 */
export class PairIds {
  /** Slot → 1 + the id stored there, 0 when empty. */
  private slots: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  private highs = new Int32Array(1 << 11);
  private lows = new Int32Array(1 << 11);
  private count = 0;

  /** Distinct pairs numbered so far. */
  get size(): number {
    return this.count;
  }

  high(id: number): number {
    return this.highs[id] as number;
  }

  low(id: number): number {
    return this.lows[id] as number;
  }

  /** The pair's number, numbering it now when it is new. */
  id(high: number, low: number): number {
    const mask = this.slots.length - 1;
    let s = slotOf(high, low, mask);
    for (;;) {
      const stored = this.slots[s] as number;
      if (stored === 0) break;
      const id = stored - 1;
      if (this.highs[id] === high && this.lows[id] === low) return id;
      s = (s + 1) & mask;
    }
    const id = this.count++;
    if (id === this.highs.length) {
      this.highs = doubled(this.highs);
      this.lows = doubled(this.lows);
    }
    this.highs[id] = high;
    this.lows[id] = low;
    this.slots[s] = id + 1;
    // At most half the slots in use: probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let s = slotOf(this.highs[id] as number, this.lows[id] as number, mask);
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = id + 1;
    }
    this.slots = slots;
  }
}

/** Multiplicative hashing of both halves into a slot (as the scorer's pair table, with a final mix: the low halves of n-grams differ mostly in their low bits). */
function slotOf(high: number, low: number, mask: number): number {
  let x = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 15;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 13;
  return x & mask;
}
