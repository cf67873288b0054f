import { CHAR_SPACE, CHAR_WORD, CLASS, FOLD } from './char-fold.js';

/*
 * What the scanner needs to know of words and the characters around them,
 * read straight from the raw string: where a word goes on, a word ending
 * in n't, the addresses that are no words, and letter case.
 */

/**
 * True when text[at] (below `limit`) is a letter or digit once folded. A
 * word goes on through an apostrophe only when one of these follows it
 * (don't, o'clock; not the quote in 'fine').
 */
export function isWordChar(text: string, at: number, limit: number): boolean {
  return at < limit && CLASS[FOLD[text.charCodeAt(at)] as number] === CHAR_WORD;
}

/** A word ending in n't (shouldn't, wasn't) negates what follows, whether or not the lexicon lists it. */
export function endsInNt(text: string, start: number, end: number): boolean {
  return end - start >= 4 && FOLD[text.charCodeAt(end - 1)] === 0x74 && FOLD[text.charCodeAt(end - 2)] === 0x27 && FOLD[text.charCodeAt(end - 3)] === 0x6e;
}

/** The cheap test before skipAddress: only @, & and "ht" (of http) can start an address; words such as "help" pass on at once. */
export function mayStartAddress(text: string, i: number, folded: number): boolean {
  return folded === 0x40 || folded === 0x26 || (text.charCodeAt(i) === 0x68 && text.charCodeAt(i + 1) === 0x74);
}

const WORD_OR_UNDERSCORE = (c: number): boolean => CLASS[c] === CHAR_WORD || c === 0x5f;

/**
 * End of an address starting at `i` (an @handle, an &entity; or an http(s)://
 * URL), or `i` when there is none. Addresses are skipped whole: they are not
 * words (@FC_Help is no "help").
 */
export function skipAddress(text: string, i: number, limit: number, folded: number): number {
  if (folded === 0x40) {
    if (i > 0 && WORD_OR_UNDERSCORE(FOLD[text.charCodeAt(i - 1)] as number)) return i; // an e-mail address's @
    let j = i + 1;
    while (j < limit && WORD_OR_UNDERSCORE(FOLD[text.charCodeAt(j)] as number)) j++;
    return j > i + 1 ? j : i;
  }
  if (folded === 0x26) {
    let j = i + 1;
    while (j < limit && j - i <= 7 && isWordChar(text, j, limit)) j++;
    return j > i + 1 && j < limit && text.charCodeAt(j) === 0x3b ? j + 1 : i;
  }
  // http:// or https:// at a word start: skip to the next blank.
  if (i > 0 && isWordChar(text, i - 1, limit)) return i;
  if (!(text.startsWith('http://', i) || text.startsWith('https://', i))) return i;
  let j = i;
  while (j < limit && CLASS[FOLD[text.charCodeAt(j)] as number] !== CHAR_SPACE && text.charCodeAt(j) !== 0x0a) j++;
  return j;
}

/** True when text[start, end) holds at least two capitals and no lower-case ASCII letter. */
export function isAllCaps(text: string, start: number, end: number): boolean {
  let letters = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c >= 0x41 && c <= 0x5a) letters++;
  }
  return letters >= 2;
}

/** True when text[start, end) holds a lower-case ASCII letter. */
export function hasLowerCase(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}
