import { CHAR_SPACE, CHAR_WORD, CLASS, FOLD, NUMBER_SLOT, NUMERAL, WORD_CHARS_END } from './char-fold.js';
import { CHAR_INFO_SLOT_SHIFT, charInfo, childBit, infoChildBit, infoClass, infoNumeral, infoSlot } from './char-info.js';

/**
 * A character trie over folded UTF-16 code units, compiled to typed arrays.
 *
 * The root's children sit in a small table of slots, one per character
 * that starts an entry, and each code unit of a text finds its slot in
 * `info` (char-info.ts), the one table the scan reads per character anyway
 * (most characters of a text start no entry, and that answer costs no
 * further read); deeper edges sit in one open-addressing hash table keyed by
 * (node, code). An edge labelled
 * NUMBER_SLOT consumes a run of numerals, so 等了{n}小时 matches 等了两个多小时
 * and 等了 3 小时 without listing every amount.
 *
 * The walk is bound by memory reads, not by arithmetic: each step of a match
 * attempt reads one slot of each table at a place no earlier step predicts.
 * So a slot holds all a step needs, side by side in one cache line: the
 * edge (node, code), the child and the child's meta (the entry ending there
 * and whether a number slot leaves it); a root slot holds child and meta
 * too, marks the characters that start an entry only through a number
 * slot, and holds the set of the child's own children, so the common
 * attempt that ends at the second character never reads the edge table.
 * The edge table is sized to the edges, not to the characters of the terms
 * (about a quarter of the size, so it stays in cache).
 */
export interface LexiconTrie {
  /** Per UTF-16 code unit: charInfo of its folded form with its root slot (0 where no entry starts: neither a root child nor a number slot). */
  readonly info: Int32Array;
  /**
   * ROOT_STRIDE numbers per root slot (slot 0 stands for none): the root's
   * child and its meta (child SLOT_ONLY when only a number slot starts
   * here), and the child's children as a 64-bit set of childBit(code) in two numbers.
   */
  readonly root: Int32Array;
  /** EDGE_STRIDE numbers per slot: parent node (-1 for an empty slot), code, child, child's meta. */
  readonly edges: Int32Array;
  readonly edgeMask: number;
  /** Each node's meta (metaOf, with its children's filter bits). */
  readonly metas: Int32Array;
  /** Entry index ending at each node, or -1. */
  readonly terminal: Int32Array;
  /** 1 where the node has a NUMBER_SLOT edge. */
  readonly hasSlot: Uint8Array;
  /** The child along the node's NUMBER_SLOT edge, or -1: an amount in the text goes on from there without a probe of the edge table. */
  readonly slotChild: Int32Array;
}

const ROOT_STRIDE = 4;
const EDGE_STRIDE = 4;
/** In `root`: no entry starts with this character (slot 0). */
const NO_NODE = -1;
/** In `root`: no edge, but the root's number slot starts with this numeral. */
const SLOT_ONLY = -2;

/**
 * A node's meta: (entry + 1) << 1 | hasSlot, and above META_FILTER_SHIFT
 * the set of its children's filterBit, so one read tells the entry ending
 * there, whether a number slot leaves it, and whether a code unit may lead
 * on (most attempts end at a node that no character of the text continues:
 * the set ends them without a probe of the edge table).
 */
function metaOf(entry: number, slot: number): number {
  return ((entry + 1) << 1) | slot;
}

const META_FILTER_SHIFT = 21;

/** Where a code unit falls in the 8-bit set of a node's children in its meta. */
function filterBit(code: number): number {
  return Math.imul(code, 0x9e3779b1) >>> 29;
}

/** The entry ending at the node of meta `meta`, or -1. */
function metaEntry(meta: number): number {
  return ((meta >>> 1) & 0xfffff) - 1;
}

/**
 * Builds a trie; `terms[i]` (already folded, {n} already replaced by
 * NUMBER_SLOT) ends in entry `i`. Later duplicates win. Edges go first into
 * a table sized for the worst case of one node per character (one probe per
 * character, no Map), then into the final one sized to the edges made.
 */
export function buildTrie(terms: readonly string[]): LexiconTrie {
  let chars = 0;
  for (const term of terms) chars += term.length;
  let capacity = 16;
  while (capacity < chars * 2) capacity *= 2;
  const mask = capacity - 1;
  const rootEdges = new Int32Array(0x10000).fill(NO_NODE);
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
  const finalTerminal = terminal.slice(0, nodes);
  const finalSlot = hasSlot.slice(0, nodes);
  const metas = new Int32Array(nodes);
  for (let n = 0; n < nodes; n++) metas[n] = metaOf(finalTerminal[n] as number, finalSlot[n] as number);
  const slotChild = new Int32Array(nodes).fill(-1);
  for (let h = 0; h < capacity; h++) {
    const parent = edgeNode[h] as number;
    const code = edgeCode[h] as number;
    if (parent === -1) continue;
    if (code === NUMBER_SLOT) slotChild[parent] = edgeChild[h] as number;
    else metas[parent] = (metas[parent] as number) | (1 << (META_FILTER_SHIFT + filterBit(code)));
  }
  // Slot 0 stands for no entry; each folded code unit that starts one gets the next slot.
  const slotOfCode = new Int32Array(0x10000);
  let slots = 1;
  for (let c = 0; c < 0x10000; c++) if ((rootEdges[c] as number) >= 0 || (finalSlot[0] === 1 && NUMERAL[c] === 1)) slotOfCode[c] = slots++;
  const root = new Int32Array(slots * ROOT_STRIDE);
  root[0] = NO_NODE;
  // The slot of each child of the root, so its own children can be noted there.
  const slotOfNode = new Int32Array(nodes);
  for (let c = 0; c < 0x10000; c++) {
    const slot = slotOfCode[c] as number;
    if (slot === 0) continue;
    const node = rootEdges[c] as number;
    root[slot * ROOT_STRIDE] = node >= 0 ? node : SLOT_ONLY;
    root[slot * ROOT_STRIDE + 1] = node >= 0 ? (metas[node] as number) : 0;
    if (node >= 0) slotOfNode[node] = slot;
  }
  const info = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const folded = FOLD[c] as number;
    info[c] = charInfo(folded) | ((slotOfCode[folded] as number) << CHAR_INFO_SLOT_SHIFT);
  }
  // Every node but the root has one incoming edge; those from the root sit in `root`, except a slot edge.
  let edgeSlots = 16;
  while (edgeSlots < nodes * 2) edgeSlots *= 2;
  const edgeMask = edgeSlots - 1;
  const edges = new Int32Array(edgeSlots * EDGE_STRIDE).fill(-1);
  for (let h = 0; h < capacity; h++) {
    const node = edgeNode[h] as number;
    if (node === -1) continue;
    const code = edgeCode[h] as number;
    const childNode = edgeChild[h] as number;
    let s = edgeHash(node, code) & edgeMask;
    while ((edges[s * EDGE_STRIDE] as number) !== -1) s = (s + 1) & edgeMask;
    const at = s * EDGE_STRIDE;
    edges[at] = node;
    edges[at + 1] = code;
    edges[at + 2] = childNode;
    edges[at + 3] = metas[childNode] as number;
    const parentSlot = node > 0 ? (slotOfNode[node] as number) : 0;
    if (parentSlot > 0 && code !== NUMBER_SLOT) {
      const bit = childBit(code);
      const word = parentSlot * ROOT_STRIDE + (bit < 32 ? 2 : 3);
      root[word] = (root[word] as number) | (1 << (bit & 31));
    }
  }
  return { info, root, edges, edgeMask, metas, terminal: finalTerminal, hasSlot: finalSlot, slotChild };
}

function edgeHash(node: number, code: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 7;
}

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
