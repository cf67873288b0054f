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

/** Builds a trie; `terms[i]` (already folded, {n} already replaced by NUMBER_SLOT) ends in entry `i`. Later duplicates win. */
export function buildTrie(terms: readonly string[]): LexiconTrie {
  const edges = new Map<number, number>();
  const terminalList: number[] = [-1];
  let nodes = 1;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as string;
    let node = 0;
    for (let k = 0; k < term.length; k++) {
      const key = node * 0x10000 + term.charCodeAt(k);
      let child = edges.get(key);
      if (child === undefined) {
        child = nodes++;
        edges.set(key, child);
        terminalList.push(-1);
      }
      node = child;
    }
    if (node !== 0) terminalList[node] = i;
  }
  const rootEdges = new Int32Array(0x10000).fill(-1);
  let capacity = 16;
  while (capacity < edges.size * 2) capacity *= 2;
  const edgeNode = new Int32Array(capacity).fill(-1);
  const edgeCode = new Int32Array(capacity);
  const edgeChild = new Int32Array(capacity);
  const hasSlot = new Uint8Array(nodes);
  const mask = capacity - 1;
  for (const [key, child] of edges) {
    const node = Math.floor(key / 0x10000);
    const code = key - node * 0x10000;
    if (code === NUMBER_SLOT) hasSlot[node] = 1;
    if (node === 0 && code !== NUMBER_SLOT) {
      rootEdges[code] = child;
      continue;
    }
    let h = edgeHash(node, code) & mask;
    while (edgeNode[h] !== -1) h = (h + 1) & mask;
    edgeNode[h] = node;
    edgeCode[h] = code;
    edgeChild[h] = child;
  }
  return { rootEdges, edgeNode, edgeCode, edgeChild, edgeMask: mask, terminal: Int32Array.from(terminalList), hasSlot };
}

function edgeHash(node: number, code: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 7;
}

function child(trie: LexiconTrie, node: number, code: number): number {
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

/** True when some entry starts with this (folded) character: the scanner's cheap first test. */
export function startsEntry(trie: LexiconTrie, folded: number): boolean {
  return (trie.rootEdges[folded] as number) >= 0 || (trie.hasSlot[0] === 1 && NUMERAL[folded] === 1);
}

/**
 * Longest entry starting at `start`, ending at or before `limit`, whose end
 * falls on a word boundary when it ends in a letter or digit. Returns
 * `end * 2^20 + entry`, or -1. Runs of blanks in the text match one space
 * in an entry; blanks are also skipped before and after a number slot.
 */
export function longestMatch(trie: LexiconTrie, text: string, start: number, limit: number): number {
  return walk(trie, text, 0, start, limit, -1);
}

const ENTRY_BITS = 0x100000;

function walk(trie: LexiconTrie, text: string, from: number, start: number, limit: number, bestSoFar: number): number {
  let node = from;
  let j = start;
  let best = bestSoFar;
  while (j < limit) {
    const code = FOLD[text.charCodeAt(j)] as number;
    if (trie.hasSlot[node] === 1) {
      // Try the number slot as an alternative path; the literal path goes on below.
      let k = j;
      while (k < limit && CLASS[FOLD[text.charCodeAt(k)] as number] === CHAR_SPACE) k++;
      if (k < limit && NUMERAL[FOLD[text.charCodeAt(k)] as number] === 1) {
        k++;
        while (k < limit && NUMERAL[FOLD[text.charCodeAt(k)] as number] !== 0) k++;
        while (k < limit && CLASS[FOLD[text.charCodeAt(k)] as number] === CHAR_SPACE) k++;
        const slotChild = child(trie, node, NUMBER_SLOT);
        if (slotChild >= 0) {
          const viaSlot = walk(trie, text, slotChild, k, limit, -1);
          if (viaSlot > best) best = viaSlot;
        }
      }
    }
    let next: number;
    if (CLASS[code] === CHAR_SPACE) {
      next = child(trie, node, 0x20);
      if (next < 0) break;
      j++;
      while (j < limit && CLASS[FOLD[text.charCodeAt(j)] as number] === CHAR_SPACE) j++;
      node = next;
      continue;
    }
    next = child(trie, node, code);
    if (next < 0) break;
    node = next;
    j++;
    const entry = trie.terminal[node] as number;
    if (entry >= 0 && endsOnBoundary(text, j, code, limit)) {
      const packed = j * ENTRY_BITS + entry;
      if (packed > best) best = packed;
    }
  }
  return best;
}

function endsOnBoundary(text: string, end: number, lastCode: number, limit: number): boolean {
  if (CLASS[lastCode] !== CHAR_WORD || end >= limit) return true;
  return CLASS[FOLD[text.charCodeAt(end)] as number] !== CHAR_WORD;
}

export function matchEnd(packed: number): number {
  return Math.floor(packed / ENTRY_BITS);
}

export function matchEntry(packed: number): number {
  return packed % ENTRY_BITS;
}
