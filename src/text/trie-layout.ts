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

export const ROOT_STRIDE = 4;
export const EDGE_STRIDE = 4;
/** In `root`: no entry starts with this character (slot 0). */
export const NO_NODE = -1;
/** In `root`: no edge, but the root's number slot starts with this numeral. */
export const SLOT_ONLY = -2;

/**
 * A node's meta: (entry + 1) << 1 | hasSlot, and above META_FILTER_SHIFT
 * the set of its children's filterBit, so one read tells the entry ending
 * there, whether a number slot leaves it, and whether a code unit may lead
 * on (most attempts end at a node that no character of the text continues:
 * the set ends them without a probe of the edge table).
 */
export function metaOf(entry: number, slot: number): number {
  return ((entry + 1) << 1) | slot;
}

export const META_FILTER_SHIFT = 21;

/** Where a code unit falls in the 8-bit set of a node's children in its meta. */
export function filterBit(code: number): number {
  return Math.imul(code, 0x9e3779b1) >>> 29;
}

/** The entry ending at the node of meta `meta`, or -1. */
export function metaEntry(meta: number): number {
  return ((meta >>> 1) & 0xfffff) - 1;
}

export function edgeHash(node: number, code: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 7;
}

