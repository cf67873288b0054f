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
  /** High half per slot; -1 marks an empty slot. */
  readonly highs: Int32Array;
  readonly lows: Int32Array;
  readonly values: Int32Array;
}

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
  const highs = new Int32Array(capacity).fill(-1);
  const lows = new Int32Array(capacity);
  const values = new Int32Array(capacity);
  for (const [high, low, value] of entries) {
    if (!(high >= 0 && high <= 0x7fffffff && (high | 0) === high && (low | 0) === low)) throw new RangeError(`pair-table keys are a 31-bit high half ≥ 0 and a 32-bit low half, got ${high}, ${low}`);
    let s = slotOf(high, low, mask);
    while (highs[s] !== -1 && !(highs[s] === high && lows[s] === low)) s = (s + 1) & mask;
    highs[s] = high;
    lows[s] = low;
    values[s] = value;
  }
  return { mask, highs, lows, values };
}

/** The value stored under (`high`, `low`), or -1. */
export function lookupPair(table: PairTable, high: number, low: number): number {
  const { highs, lows, mask } = table;
  let s = slotOf(high, low, mask);
  for (;;) {
    const h = highs[s] as number;
    if (h === high && lows[s] === low) return table.values[s] as number;
    if (h === -1) return -1;
    s = (s + 1) & mask;
  }
}
