import { CHAR_WORD, CLASS, FOLD } from './char-fold.js';

/**
 * English single-word entries by hash: a token is looked up with one hash
 * computed while the scanner finds the token's end, instead of a trie walk
 * per letter. Multi-word entries stay in the trie; the first words of those
 * entries are kept here too (as phrase starts), so the scanner knows when
 * the trie must be asked.
 */
export interface WordTable {
  readonly mask: number;
  /**
   * SLOT_STRIDE numbers per slot, side by side so a lookup reads one cache
   * line: the term's hash, its length (0 for an empty slot), its entry and
   * its phrase node (the same as `entries` and `phraseNode` hold).
   */
  readonly slots: Int32Array;
  /** Where each slot's folded term starts in `chars`, all terms end to end: checked without a string to load. */
  readonly offsets: Int32Array;
  readonly chars: Uint16Array;
  /** Entry index of a single-word entry, or -1. */
  readonly entries: Int32Array;
  /** Trie node reached after this word when some multi-word entry starts with it, else 0. */
  readonly phraseNode: Int32Array;
}

/** FNV-1a step over folded code units; the scanner computes the same while it reads a token. */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, 16777619);
}
export const HASH_SEED = 2166136261 | 0;

const SLOT_STRIDE = 4;

/** FNV's low bits mix poorly; the table slot comes from the hash after a murmur-style finaliser. */
function slotHash(h: number): number {
  let x = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** Length of the token at `start` of a folded term: letters and digits, with inner apostrophes. */
export function tokenLength(term: string, start: number): number {
  let j = start;
  while (j < term.length) {
    const c = term.charCodeAt(j);
    if (CLASS[c] === CHAR_WORD) j++;
    else if (c === 0x27 && j + 1 < term.length && CLASS[term.charCodeAt(j + 1)] === CHAR_WORD) j++;
    else break;
  }
  return j - start;
}

/**
 * Builds the table from folded terms (entry i = terms[i]); terms that do not
 * start with a letter are left to the trie. `nodeOf` gives the trie node a
 * word leads to, so a phrase lookup continues from there.
 */
export function buildWordTable(folded: readonly string[], nodeOf: (prefix: string) => number): WordTable {
  const singles: Array<[string, number]> = [];
  const starts = new Set<string>();
  folded.forEach((term, i) => {
    const c = term.charCodeAt(0);
    if (!(c >= 0x61 && c <= 0x7a) && !(c >= 0xdf && c <= 0xff)) return;
    const n = tokenLength(term, 0);
    if (n === term.length) singles.push([term, i]);
    else starts.add(term.slice(0, n));
  });
  const keys = new Set<string>([...singles.map(([t]) => t), ...starts]);
  let capacity = 16;
  while (capacity < keys.size * 2) capacity *= 2;
  const mask = capacity - 1;
  const terms = new Array<string>(capacity).fill('');
  const hashes = new Int32Array(capacity);
  const entries = new Int32Array(capacity).fill(-1);
  const phraseNode = new Int32Array(capacity);
  const slotOf = (term: string): number => {
    let h = HASH_SEED;
    for (let k = 0; k < term.length; k++) h = hashStep(h, term.charCodeAt(k));
    let s = slotHash(h) & mask;
    while (terms[s] !== '' && terms[s] !== term) s = (s + 1) & mask;
    terms[s] = term;
    hashes[s] = h;
    return s;
  };
  for (const [term, entry] of singles) entries[slotOf(term)] = entry;
  for (const term of starts) phraseNode[slotOf(term)] = nodeOf(term);
  const slots = new Int32Array(capacity * SLOT_STRIDE);
  const offsets = new Int32Array(capacity);
  let length = 0;
  for (const term of terms) length += term.length;
  const chars = new Uint16Array(length);
  let at = 0;
  for (let s = 0; s < capacity; s++) {
    const term = terms[s] as string;
    slots[s * SLOT_STRIDE] = hashes[s] as number;
    slots[s * SLOT_STRIDE + 1] = term.length;
    slots[s * SLOT_STRIDE + 2] = entries[s] as number;
    slots[s * SLOT_STRIDE + 3] = phraseNode[s] as number;
    offsets[s] = at;
    for (let k = 0; k < term.length; k++) chars[at++] = term.charCodeAt(k);
  }
  return { mask, slots, offsets, chars, entries, phraseNode };
}

/** Entry of the single-word term in slot `slot` (from findWord), or -1. */
export function slotEntry(table: WordTable, slot: number): number {
  return table.slots[slot * SLOT_STRIDE + 2] as number;
}

/** Trie node after the word in slot `slot` when a multi-word entry starts with it, else 0. */
export function slotPhraseNode(table: WordTable, slot: number): number {
  return table.slots[slot * SLOT_STRIDE + 3] as number;
}

/** Slot of the token text[start, end) (hash `h` of its folded units), or -1. */
export function findWord(table: WordTable, h: number, text: string, start: number, end: number): number {
  const len = end - start;
  const slots = table.slots;
  const mask = table.mask;
  let s = slotHash(h) & mask;
  for (;;) {
    const at = s * SLOT_STRIDE;
    const termLength = slots[at + 1] as number;
    if (termLength === 0) return -1;
    if (slots[at] === h && termLength === len && sameFolded(table.chars, table.offsets[s] as number, len, text, start)) return s;
    s = (s + 1) & mask;
  }
}

function sameFolded(chars: Uint16Array, offset: number, length: number, text: string, start: number): boolean {
  for (let k = 0; k < length; k++) {
    // A folded term's unit equals the text's own in most words (lower case): the fold is read only when it does not.
    const c = text.charCodeAt(start + k);
    const want = chars[offset + k] as number;
    if (want !== c && want !== FOLD[c]) return false;
  }
  return true;
}
