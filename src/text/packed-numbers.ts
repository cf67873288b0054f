/**
 * Whole numbers ≥ 0 written as printable ASCII, for generated tables
 * (src/text/lexicon/): a table as one short string costs a bundle a
 * fraction of what escaped CJK text does (esbuild writes each character
 * of a Chinese string as \uXXXX, six bytes), and costs an import no work
 * but reading the string, until the table is unpacked on first use.
 *
 * Each number is its base-32 digits, most significant first. A digit that
 * ends its number is a character from `]` (0x5d) on; one with more digits
 * after it is a character from `#` (0x23) on. Neither range holds `"`
 * or `\`, so the string needs no escape in JSON or JavaScript.
 */
const LAST_DIGIT = 0x5d;
const MORE_DIGIT = 0x23;

export function packNumbers(values: Iterable<number>): string {
  let out = '';
  for (const value of values) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`packNumbers: ${value} is not a whole number ≥ 0`);
    let digits = String.fromCharCode(LAST_DIGIT + (value % 32));
    for (let rest = Math.floor(value / 32); rest > 0; rest = Math.floor(rest / 32)) digits = String.fromCharCode(MORE_DIGIT + (rest % 32)) + digits;
    out += digits;
  }
  return out;
}

/** The numbers of a packed string, in order. */
export function unpackNumbers(packed: string): number[] {
  const values: number[] = [];
  let value = 0;
  for (let i = 0; i < packed.length; i++) {
    const c = packed.charCodeAt(i);
    if (c >= LAST_DIGIT) {
      values.push(value * 32 + (c - LAST_DIGIT));
      value = 0;
    } else value = value * 32 + (c - MORE_DIGIT);
  }
  return values;
}

/** A signed step as a whole number ≥ 0: 0, -1, 1, -2, 2 … become 0, 1, 2, 3, 4 … */
export function zigzag(n: number): number {
  return n < 0 ? -2 * n - 1 : 2 * n;
}

export function unzigzag(z: number): number {
  return z % 2 === 1 ? -(z + 1) / 2 : z / 2;
}
