import { CLASS, NUMERAL } from './char-fold.js';

/**
 * What the scan needs to know of one (folded) code unit, packed in one
 * number so that a character costs one table read: its class (CHAR_* of
 * char-fold.ts) in bits 0-2, whether an amount may start with it (NUMERAL 1) in bit 3, where it
 * falls in a node's set of children (childBit) in bits 4-9. A compiled
 * lexicon's trie adds, above CHAR_INFO_SLOT_SHIFT, the root slot of the
 * entries starting with it (lexicon-trie.ts), and keeps the table per raw
 * code unit of the text, so that the scan reads it instead of the separate
 * folding, class and start tables.
 */
export const CHAR_INFO_SLOT_SHIFT = 10;

/** Where a code unit falls in a 64-bit set of a trie node's children. */
export function childBit(code: number): number {
  return (code ^ (code >>> 6)) & 63;
}

/** The packed class, numeral flag (may start an amount) and childBit of a folded code unit (no root slot). */
export function charInfo(folded: number): number {
  return (CLASS[folded] as number) | (NUMERAL[folded] === 1 ? 8 : 0) | (childBit(folded) << 4);
}

export function infoClass(info: number): number {
  return info & 7;
}

export function infoNumeral(info: number): boolean {
  return (info & 8) !== 0;
}

export function infoChildBit(info: number): number {
  return (info >>> 4) & 63;
}

/** The root slot of a trie's info (0 where no entry starts). */
export function infoSlot(info: number): number {
  return info >>> CHAR_INFO_SLOT_SHIFT;
}
