import { HASH_SEED, buildWordTable, hashStep, type WordTable } from './word-table.js';

/**
 * The words a hashtag may be split into (hashtag-reader.ts), as a word
 * table, with two filters keyed by the hash the split computes anyway
 * (word-table.ts): the starts (prefixes) of the words, so a split stops
 * growing a word as soon as no known word starts with its letters, and the
 * words themselves, so it asks the table only about likely words. A filter
 * is one bit per hash: what it does not hold is certain, what it holds only
 * likely.
 */
export interface HashtagWords {
  readonly table: WordTable;
  readonly starts: Uint32Array;
  readonly words: Uint32Array;
  readonly mask: number;
}

/** Sixteen bits per start or word: about one in twelve passes a filter by mistake. */
const BITS_PER_KEY = 16;

/** Builds the table and filters from distinct words (folded). */
export function buildHashtagWords(words: readonly string[]): HashtagWords {
  let letters = 0;
  for (const word of words) letters += word.length;
  let bits = 1024;
  while (bits < letters * BITS_PER_KEY) bits *= 2;
  const mask = bits - 1;
  const starts = new Uint32Array(bits >>> 5);
  const whole = new Uint32Array(bits >>> 5);
  for (const word of words) {
    let h = HASH_SEED;
    for (let k = 0; k < word.length; k++) {
      h = hashStep(h, word.charCodeAt(k));
      setBit(starts, h, mask);
    }
    setBit(whole, h, mask);
  }
  return { table: buildWordTable(words, () => 0), starts, words: whole, mask };
}

/** False when no word starts with the letters whose hash is `h`; true when one likely does. */
export function mayStartWord(words: HashtagWords, h: number): boolean {
  return hasBit(words.starts, h, words.mask);
}

/** False when the letters whose hash is `h` are no word; true when they likely are one. */
export function mayBeWord(words: HashtagWords, h: number): boolean {
  return hasBit(words.words, h, words.mask);
}

function setBit(bits: Uint32Array, h: number, mask: number): void {
  const i = (h ^ (h >>> 16)) & mask;
  bits[i >>> 5] = (bits[i >>> 5] as number) | (1 << (i & 31));
}

function hasBit(bits: Uint32Array, h: number, mask: number): boolean {
  const i = (h ^ (h >>> 16)) & mask;
  return ((bits[i >>> 5] as number) & (1 << (i & 31))) !== 0;
}
