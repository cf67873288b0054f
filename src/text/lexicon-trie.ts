import { CHAR_SPACE, CHAR_WORD, CLASS, FOLD, NUMBER_SLOT, NUMERAL } from './char-fold.js';

/**
 * A character trie over folded UTF-16 code units, compiled to typed arrays.
 *
 * The root's children sit in a dense table (most characters of a text start
 * no entry, and that answer costs one array read); deeper edges sit in one
 * open-addressing hash table keyed by (node, code). An edge labelled
 * NUMBER_SLOT consumes a run of numerals, so 等了{n}小时 matches 等了两个多小时
 * and 等了 3 小时 without listing every amount.
 */
export interface LexiconTrie {
  readonly rootEdges: Int32Array;
  readonly edgeNode: Int32Array;
  readonly edgeCode: Int32Array;
  readonly edgeChild: Int32Array;
  readonly edgeMask: number;
  /** Entry index ending at each node, or -1. */
  readonly terminal: Int32Array;
  /** 1 where the node has a NUMBER_SLOT edge. */
  readonly hasSlot: Uint8Array;
}

/**
 * Builds a trie; `terms[i]` (already folded, {n} already replaced by
 * NUMBER_SLOT) ends in entry `i`. Later duplicates win. Edges go straight
 * into the open-addressing table (sized for the worst case of one node per
 * character), so building costs one probe per character, no Map.
 */
export function buildTrie(terms: readonly string[]): LexiconTrie {
  let chars = 0;
  for (const term of terms) chars += term.length;
  let capacity = 16;
  while (capacity < chars * 2) capacity *= 2;
  const mask = capacity - 1;
  const rootEdges = new Int32Array(0x10000).fill(-1);
  const edgeNode = new Int32Array(capacity).fill(-1);
  const edgeCode = new Int32Array(capacity);
  const edgeChild = new Int32Array(capacity);
  const terminal = new Int32Array(chars + 1).fill(-1);
  const hasSlot = new Uint8Array(chars + 1);
  let nodes = 1;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as string;
    let node = 0;
    for (let k = 0; k < term.length; k++) {
      const code = term.charCodeAt(k);
      if (code === NUMBER_SLOT) hasSlot[node] = 1;
      if (node === 0 && code !== NUMBER_SLOT) {
        let next = rootEdges[code] as number;
        if (next < 0) rootEdges[code] = next = nodes++;
        node = next;
        continue;
      }
      let h = edgeHash(node, code) & mask;
      for (;;) {
        const n = edgeNode[h] as number;
        if (n === -1) {
          edgeNode[h] = node;
          edgeCode[h] = code;
          edgeChild[h] = nodes++;
          break;
        }
        if (n === node && edgeCode[h] === code) break;
        h = (h + 1) & mask;
      }
      node = edgeChild[h] as number;
    }
    if (node !== 0) terminal[node] = i;
  }
  return { rootEdges, edgeNode, edgeCode, edgeChild, edgeMask: mask, terminal: terminal.slice(0, nodes), hasSlot: hasSlot.slice(0, nodes) };
}

function edgeHash(node: number, code: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 7;
}

/** The node reached from `node` along the (folded) code unit `code`, or -1. */
export function child(trie: LexiconTrie, node: number, code: number): number {
  if (node === 0 && code !== NUMBER_SLOT) return trie.rootEdges[code] as number;
  const mask = trie.edgeMask;
  let h = edgeHash(node, code) & mask;
  for (;;) {
    const n = trie.edgeNode[h] as number;
    if (n === -1) return -1;
    if (n === node && trie.edgeCode[h] === code) return trie.edgeChild[h] as number;
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
  return (trie.rootEdges[folded] as number) >= 0 || (trie.hasSlot[0] === 1 && NUMERAL[folded] === 1);
}

/**
 * Longest entry starting at `start`, ending at or before `limit`, whose end
 * falls on a word boundary when it ends in a letter or digit. Returns
 * `length << 20 | entry` (a small integer), or -1. A run of up to four blanks
 * in the text matches one space in an entry; one blank may stand before and
 * after a number slot (等了 3 小时).
 */
export function longestMatch(trie: LexiconTrie, text: string, start: number, limit: number): number {
  return walk(trie, text, 0, start, start, limit, -1);
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
  const rootEdges = trie.rootEdges;
  const edgeNode = trie.edgeNode;
  const edgeCode = trie.edgeCode;
  const edgeChild = trie.edgeChild;
  const mask = trie.edgeMask;
  const terminal = trie.terminal;
  const hasSlot = trie.hasSlot;
  let node = from;
  let j = start;
  let best = bestSoFar;
  while (j < limit) {
    const code = FOLD[text.charCodeAt(j)] as number;
    if (hasSlot[node] === 1 && (NUMERAL[code] === 1 || CLASS[code] === CHAR_SPACE)) best = viaNumberSlot(trie, text, node, origin, j, limit, best);
    let key = code;
    if (CLASS[code] === CHAR_SPACE) key = 0x20;
    let next: number;
    if (node === 0) next = rootEdges[key] as number;
    else {
      let h = edgeHash(node, key) & mask;
      for (;;) {
        const n = edgeNode[h] as number;
        if (n === -1) {
          next = -1;
          break;
        }
        if (n === node && edgeCode[h] === key) {
          next = edgeChild[h] as number;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    if (next < 0) break;
    node = next;
    j++;
    if (key === 0x20) {
      // A run of blanks in the text matches one space in an entry.
      const blanksEnd = j + MAX_BLANKS;
      while (j < limit && j < blanksEnd && CLASS[FOLD[text.charCodeAt(j)] as number] === CHAR_SPACE) j++;
      continue;
    }
    const entry = terminal[node] as number;
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
  const slotChild = child(trie, node, NUMBER_SLOT);
  if (slotChild < 0) return best;
  const viaSlot = walk(trie, text, slotChild, origin, k, limit, -1);
  return viaSlot > best ? viaSlot : best;
}

function endsOnBoundary(text: string, end: number, lastCode: number, limit: number): boolean {
  if (CLASS[lastCode] !== CHAR_WORD || end >= limit) return true;
  return CLASS[FOLD[text.charCodeAt(end)] as number] !== CHAR_WORD;
}

/** Length in UTF-16 units of a match returned by longestMatch (matches are shorter than 2,048 units by the bounds above). */
export function matchLength(packed: number): number {
  return packed >>> 20;
}

export function matchEntry(packed: number): number {
  return packed & 0xfffff;
}
