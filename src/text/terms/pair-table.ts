/**
 * A read-only map from pairs of 32-bit integers (high ≥ 0, low any) to
 * small non-negative integers, in typed arrays with open addressing.
 * Learned terms are looked up by such keys (a Han n-gram's characters, an
 * English word pair's ids) once per token; a Map's hashing and boxing cost
 * several times more, and keys packed into one double need a division to
 * hash. Here every step is a 32-bit integer operation.
 */
export interface PairTable {
  readonly mask: number;
  /**
   * Per slot, side by side: high half (-1 marks an empty slot), low half,
   * value, and a spare word that keeps a slot at 16 bytes. One probe reads
   * one cache line; three parallel arrays cost a miss each in a table of
   * 20,000 terms.
   */
  readonly slots: Int32Array;
}

/** Int32 words per slot. */
const STRIDE = 4;

/** Multiplicative hashing of both halves into a slot. */
function slotOf(high: number, low: number, mask: number): number {
  let x = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 15;
  return x & mask;
}

export function buildPairTable(entries: readonly (readonly [high: number, low: number, value: number])[]): PairTable {
  let capacity = 16;
  while (capacity < entries.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity * STRIDE);
  for (let s = 0; s < capacity; s++) slots[s * STRIDE] = -1;
  for (const [high, low, value] of entries) {
    if (!(high >= 0 && high <= 0x7fffffff && (high | 0) === high && (low | 0) === low)) throw new RangeError(`pair-table keys are a 31-bit high half ≥ 0 and a 32-bit low half, got ${high}, ${low}`);
    let s = slotOf(high, low, mask);
    while (slots[s * STRIDE] !== -1 && !(slots[s * STRIDE] === high && slots[s * STRIDE + 1] === low)) s = (s + 1) & mask;
    slots[s * STRIDE] = high;
    slots[s * STRIDE + 1] = low;
    slots[s * STRIDE + 2] = value;
  }
  return { mask, slots };
}

/** The value stored under (`high`, `low`), or -1. */
export function lookupPair(table: PairTable, high: number, low: number): number {
  const { slots, mask } = table;
  let s = slotOf(high, low, mask);
  for (;;) {
    const at = s * STRIDE;
    const h = slots[at] as number;
    if (h === high && slots[at + 1] === low) return slots[at + 2] as number;
    if (h === -1) return -1;
    s = (s + 1) & mask;
  }
}
