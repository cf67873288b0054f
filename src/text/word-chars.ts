import { CHAR_HAN, CHAR_SPACE, CHAR_WORD, CLASS, FOLD } from './char-fold.js';

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

/** True when text[start, end) ends in a negating word (n't, not, no, never), as a phrase such as "still hasn't" does. */
export function endsInNegation(text: string, start: number, end: number): boolean {
  // Each of n't, not, no and never ends in t, o or r: most phrases are ruled out by their last letter.
  const last = FOLD[text.charCodeAt(end - 1)] as number;
  if (last !== 0x74 && last !== 0x6f && last !== 0x72) return false;
  if (endsInNt(text, start, end)) return true;
  let k = end;
  while (k > start && CLASS[FOLD[text.charCodeAt(k - 1)] as number] === CHAR_WORD) k--;
  if (k === start || CLASS[FOLD[text.charCodeAt(k - 1)] as number] !== CHAR_SPACE) return false;
  const n = end - k;
  if (n < 2 || n > 5 || n === 4 || FOLD[text.charCodeAt(k)] !== 0x6e) return false;
  const word = text.slice(k, end).toLowerCase();
  return word === 'no' || word === 'not' || word === 'never';
}

/** True when the 不 or 没 at `at` stands between the same Chinese character twice: 是不是, 有没有, 好不好 ask, they do not negate. */
export function isQuestionPair(text: string, at: number): boolean {
  const c = FOLD[text.charCodeAt(at)];
  if ((c !== 0x4e0d && c !== 0x6ca1) || at === 0 || at + 1 >= text.length) return false;
  const before = FOLD[text.charCodeAt(at - 1)] as number;
  return CLASS[before] === CHAR_HAN && before === FOLD[text.charCodeAt(at + 1)];
}

/** True when nothing but a few blanks stands between `end` and the end of its clause: a break, a mark, a symbol or the text's end. */
export function endsClauseAt(text: string, end: number): boolean {
  let k = end;
  while (k < text.length && k < end + 4 && CLASS[FOLD[text.charCodeAt(k)] as number] === CHAR_SPACE) k++;
  if (k >= text.length) return true;
  const cls = CLASS[FOLD[text.charCodeAt(k)] as number] as number;
  return cls !== CHAR_WORD && cls !== CHAR_HAN && cls !== CHAR_SPACE;
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
  if (!startsUrl(text, i)) return i;
  let j = i;
  for (; j < limit; j++) {
    const c = text.charCodeAt(j);
    // Printable ASCII, most of a URL, is never a blank: no table to read.
    if (c > 0x20 && c < 0x7f) continue;
    if (c === 0x0a || CLASS[FOLD[c] as number] === CHAR_SPACE) break;
  }
  return j;
}

/** True when http:// or https:// starts at `i`: read unit by unit, as startsWith would, without its call. */
function startsUrl(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 0x68 || text.charCodeAt(i + 1) !== 0x74 || text.charCodeAt(i + 2) !== 0x74 || text.charCodeAt(i + 3) !== 0x70) return false;
  const colon = text.charCodeAt(i + 4) === 0x73 ? i + 5 : i + 4;
  return text.charCodeAt(colon) === 0x3a && text.charCodeAt(colon + 1) === 0x2f && text.charCodeAt(colon + 2) === 0x2f;
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
