import { CHAR_SPACE, CHAR_WORD, CLASS, FOLD, NUMBER_SLOT, NUMERAL, WORD_CHARS_END } from './char-fold.js';
import { infoChildBit, infoClass, infoNumeral, infoSlot } from './char-info.js';
import { EDGE_STRIDE, META_FILTER_SHIFT, ROOT_STRIDE, edgeHash, filterBit, metaEntry, metaOf, type LexiconTrie } from './trie-layout.js';

/*
 * Matching against a compiled trie (trie-layout.ts says how it is laid out,
 * trie-build.ts builds it): the longest entry at a place of the text, or
 * the longest that goes on from a node a word led to.
 */
export type { LexiconTrie } from './trie-layout.js';
export { buildTrie } from './trie-build.js';

/** The node reached from `node` along the (folded) code unit `code`, or -1. */
export function child(trie: LexiconTrie, node: number, code: number): number {
  if (node === 0 && code !== NUMBER_SLOT) {
    const next = trie.root[infoSlot(trie.info[code] as number) * ROOT_STRIDE] as number;
    return next >= 0 ? next : -1;
  }
  const edges = trie.edges;
  const mask = trie.edgeMask;
  let h = edgeHash(node, code) & mask;
  for (;;) {
    const at = h * EDGE_STRIDE;
    const n = edges[at] as number;
    if (n === -1) return -1;
    if (n === node && edges[at + 1] === code) return edges[at + 2] as number;
    h = (h + 1) & mask;
  }
}

/** Node reached from the root along `prefix` (folded), or 0 when no entry starts so. */
export function nodeAt(trie: LexiconTrie, prefix: string): number {
  let node = 0;
  for (let k = 0; k < prefix.length && node >= 0; k++) node = child(trie, node, prefix.charCodeAt(k));
  return node > 0 ? node : 0;
}

/**
 * Longest entry that continues from `node` (reached by the text from `origin`
 * up to `at`), packed like longestMatch relative to `origin`, or -1.
 */
export function continueMatch(trie: LexiconTrie, text: string, node: number, origin: number, at: number, limit: number): number {
  return walk(trie, text, node, origin, at, limit, -1);
}

/** True when some entry starts with this (folded) character: the scanner's cheap first test. */
export function startsEntry(trie: LexiconTrie, folded: number): boolean {
  return infoSlot(trie.info[folded] as number) !== 0;
}

/**
 * Longest entry starting at `start`, ending at or before `limit`, whose end
 * falls on a word boundary when it ends in a letter or digit. Returns
 * `length << 20 | entry` (a small integer), or -1. A run of up to four blanks
 * in the text matches one space in an entry; one blank may stand before and
 * after a number slot (等了 3 小时).
 */
export function longestMatch(trie: LexiconTrie, text: string, start: number, limit: number): number {
  return longestMatchAt(trie, text, start, limit, trie.info[text.charCodeAt(start)] as number);
}

/**
 * longestMatch when the scan has read `info` (trie.info of text[start])
 * already. The walk's first step is written out: most characters that start
 * an entry start none with the character after them, and the child set in
 * the root slot ends those here, without the walk's call and set-up.
 */
export function longestMatchAt(trie: LexiconTrie, text: string, start: number, limit: number, info: number): number {
  // A blank, or a numeral where the root's number slot may start: the walk from the root.
  if (infoClass(info) === CHAR_SPACE || (infoNumeral(info) && trie.hasSlot[0] === 1)) return walk(trie, text, 0, start, start, limit, -1);
  const root = trie.root;
  const at = infoSlot(info) * ROOT_STRIDE;
  const node = root[at] as number;
  if (node < 0) return -1;
  const meta = root[at + 1] as number;
  const j = start + 1;
  const entry = metaEntry(meta);
  const best = entry >= 0 && endsOnBoundary(text, j, FOLD[text.charCodeAt(start)] as number, limit) ? (1 << 20) | entry : -1;
  if (j >= limit) return best;
  const next = trie.info[text.charCodeAt(j)] as number;
  if ((meta & 1) === 0 || (infoClass(next) !== CHAR_SPACE && !infoNumeral(next))) {
    const bit = infoChildBit(next);
    if (((((bit < 32 ? root[at + 2] : root[at + 3]) as number) >>> (bit & 31)) & 1) === 0) return best;
  }
  return walk(trie, text, node, start, j, limit, best);
}

/**
 * Bounds that keep every match attempt short, so a scan stays linear on any
 * input (a run of a million 一 or blanks costs one step each, not a walk each):
 * an amount has at most this many numerals, a blank run at most this many blanks.
 */
const MAX_NUMERALS = 12;
const MAX_BLANKS = 4;

function walk(trie: LexiconTrie, text: string, from: number, origin: number, start: number, limit: number, bestSoFar: number): number {
  // Locals, not property reads, in the loop that runs once per character of every candidate match.
  const root = trie.root;
  const edges = trie.edges;
  const mask = trie.edgeMask;
  let node = from;
  // The current node's meta travels with it: the slot that led here held it.
  let meta = from === 0 ? metaOf(-1, trie.hasSlot[0] as number) : (trie.metas[from] as number);
  let j = start;
  let best = bestSoFar;
  while (j < limit) {
    const code = FOLD[text.charCodeAt(j)] as number;
    // Only the blank folds to 0x20, and it is the only character of class CHAR_SPACE.
    if ((meta & 1) === 1 && (code === 0x20 || NUMERAL[code] === 1)) best = viaNumberSlot(trie, text, node, origin, j, limit, best);
    if (node === 0) {
      const at = infoSlot(trie.info[code] as number) * ROOT_STRIDE;
      const next = root[at] as number;
      if (next < 0) break;
      node = next;
      meta = root[at + 1] as number;
    } else {
      if (((meta >>> (META_FILTER_SHIFT + filterBit(code))) & 1) === 0) return best;
      let h = edgeHash(node, code) & mask;
      let at = h * EDGE_STRIDE;
      for (;;) {
        const n = edges[at] as number;
        if (n === -1) return best;
        if (n === node && edges[at + 1] === code) break;
        h = (h + 1) & mask;
        at = h * EDGE_STRIDE;
      }
      node = edges[at + 2] as number;
      meta = edges[at + 3] as number;
    }
    j++;
    if (code === 0x20) {
      // A run of blanks in the text matches one space in an entry.
      const blanksEnd = j + MAX_BLANKS;
      while (j < limit && j < blanksEnd && CLASS[FOLD[text.charCodeAt(j)] as number] === CHAR_SPACE) j++;
      continue;
    }
    const entry = metaEntry(meta);
    if (entry >= 0 && endsOnBoundary(text, j, code, limit)) {
      const packed = ((j - origin) << 20) | entry;
      if (packed > best) best = packed;
    }
  }
  return best;
}

/** The number-slot path out of `node` at `j`: a run of numerals (blanks around it allowed), then the rest of the entry. */
function viaNumberSlot(trie: LexiconTrie, text: string, node: number, origin: number, j: number, limit: number, best: number): number {
  let k = j;
  if (k < limit && CLASS[FOLD[text.charCodeAt(k)] as number] === CHAR_SPACE) k++;
  if (k >= limit || NUMERAL[FOLD[text.charCodeAt(k)] as number] !== 1) return best;
  const numeralsEnd = k + MAX_NUMERALS;
  k++;
  while (k < limit && k < numeralsEnd && NUMERAL[FOLD[text.charCodeAt(k)] as number] !== 0) k++;
  if (k < limit && CLASS[FOLD[text.charCodeAt(k)] as number] === CHAR_SPACE) k++;
  const next = trie.slotChild[node] as number;
  if (next < 0) return best;
  const viaSlot = walk(trie, text, next, origin, k, limit, -1);
  return viaSlot > best ? viaSlot : best;
}

function endsOnBoundary(text: string, end: number, lastCode: number, limit: number): boolean {
  if (lastCode >= WORD_CHARS_END || CLASS[lastCode] !== CHAR_WORD || end >= limit) return true;
  return CLASS[FOLD[text.charCodeAt(end)] as number] !== CHAR_WORD;
}

/** Length in UTF-16 units of a match returned by longestMatch (matches are shorter than 2,048 units by the bounds above). */
export function matchLength(packed: number): number {
  return packed >>> 20;
}

export function matchEntry(packed: number): number {
  return packed & 0xfffff;
}
