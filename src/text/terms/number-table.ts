/**
 * A read-only map from whole-number keys (exact in a double: below 2^53) to
 * small non-negative integers, in two typed arrays with open addressing.
 * Learned terms are looked up by such keys (packed character codes, word-id
 * pairs) once per token; a Map's hashing and boxing cost several times more.
 */
export interface NumberTable {
  readonly mask: number;
  /** Key per slot; -1 marks an empty slot (keys are ≥ 0). */
  readonly keys: Float64Array;
  readonly values: Int32Array;
}

/** Mixes a key's high and low halves into a slot (multiplicative hashing of 32-bit pieces). */
function slotOf(key: number, mask: number): number {
  const low = key | 0;
  const high = (key / 4294967296) | 0;
  let x = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 15;
  return x & mask;
}

export function buildNumberTable(entries: Iterable<readonly [key: number, value: number]>): NumberTable {
  const list = [...entries];
  let capacity = 16;
  while (capacity < list.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const keys = new Float64Array(capacity).fill(-1);
  const values = new Int32Array(capacity);
  for (const [key, value] of list) {
    if (!(key >= 0 && key < 2 ** 53 && Number.isInteger(key))) throw new RangeError(`number-table keys are whole numbers in [0, 2^53), got ${key}`);
    let s = slotOf(key, mask);
    while (keys[s] !== -1 && keys[s] !== key) s = (s + 1) & mask;
    keys[s] = key;
    values[s] = value;
  }
  return { mask, keys, values };
}

/** The value stored under `key`, or -1. */
export function lookupNumber(table: NumberTable, key: number): number {
  const { keys, mask } = table;
  let s = slotOf(key, mask);
  for (;;) {
    const k = keys[s] as number;
    if (k === key) return table.values[s] as number;
    if (k === -1) return -1;
    s = (s + 1) & mask;
  }
}
