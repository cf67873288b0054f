import { CHAR_HAN, CHAR_SPACE, CHAR_WORD, CLASS, FOLD } from '../char-fold.js';

/**
 * What may become a learned term. A model file is shared across teams and
 * vendors, so a term must be language, never a customer's data: no digits
 * (amounts, phone and card numbers, order ids), no piece of an e-mail
 * address, URL, @handle or file path, nothing shaped like an identifier.
 * (@handles and URLs never reach the term matcher: the scanner skips them.)
 */

/** Longest English word a term may hold: longer tokens are run-together ids or noise. */
export const MAX_TERM_WORD = 24;
/** Han characters in the longest Chinese term. */
export const MAX_HAN_TERM = 3;

const A = 0x61;
const Z = 0x7a;

/** A folded English word (letters, inner apostrophes) that may be part of a term. */
export function isTermWord(word: string): boolean {
  const n = word.length;
  if (n < 2 || n > MAX_TERM_WORD) return false;
  let vowels = 0;
  let hexLike = true;
  for (let k = 0; k < n; k++) {
    const c = word.charCodeAt(k);
    if (c === 0x27) {
      if (k === 0 || k === n - 1) return false;
      continue;
    }
    const letter = (c >= A && c <= Z) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
    if (!letter) return false;
    if (c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75 || c === 0x79 || c >= 0xdf) vowels++;
    if (c > 0x66) hexLike = false;
  }
  // Letters with no vowel ("xkcdq") or only a-f ("deadbeefcafe") are codes, not words.
  if (vowels === 0 && n >= 4) return false;
  if (hexLike && n >= 8) return false;
  return true;
}

/** A folded Chinese term: one to MAX_HAN_TERM Han characters. */
export function isHanTerm(term: string): boolean {
  if (term.length < 1 || term.length > MAX_HAN_TERM) return false;
  for (let k = 0; k < term.length; k++) if (CLASS[term.charCodeAt(k)] !== CHAR_HAN) return false;
  return true;
}

/** A term as a model file may hold it: one or two term words joined by a space, or a Han n-gram. */
export function isTerm(term: string): boolean {
  if (isHanTerm(term)) return true;
  const space = term.indexOf(' ');
  if (space < 0) return isTermWord(term);
  return term.indexOf(' ', space + 1) < 0 && isTermWord(term.slice(0, space)) && isTermWord(term.slice(space + 1));
}

/**
 * True when the token text[start, end) is part of an address or identifier
 * rather than a word of the sentence: it touches @ _ / \ or sits in a dotted
 * name (help@bank.com, www.bank.com, ref_ab12).
 */
export function isAddressPart(text: string, start: number, end: number): boolean {
  const before = start > 0 ? FOLD[text.charCodeAt(start - 1)] : 0x20;
  const after = end < text.length ? FOLD[text.charCodeAt(end)] : 0x20;
  if (ADDRESS_MARK(before) || ADDRESS_MARK(after)) return true;
  if (after === 0x2e && end + 1 < text.length && CLASS[FOLD[text.charCodeAt(end + 1)] as number] === CHAR_WORD) return true;
  return before === 0x2e && start >= 2 && CLASS[FOLD[text.charCodeAt(start - 2)] as number] === CHAR_WORD;
}

function ADDRESS_MARK(c: number | undefined): boolean {
  return c === 0x40 || c === 0x5f || c === 0x2f || c === 0x5c;
}

/** True when text[from, to) holds only blanks: two words with nothing else between them form a bigram. */
export function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (CLASS[FOLD[text.charCodeAt(k)] as number] !== CHAR_SPACE) return false;
  return true;
}
