import { SIMPLIFIED_STEPS, TRADITIONAL_STEPS } from './lexicon/traditional-map.js';
import { unpackNumbers, unzigzag } from './packed-numbers.js';

/**
 * Character folding done by table lookup during the scan, so the analyzer
 * never builds a normalised copy of the text and every offset it reports
 * stays an offset into the caller's string.
 *
 * FOLD maps a UTF-16 code unit to the code unit the lexicon is written in:
 * lower case, half-width ASCII for full-width forms, Simplified for
 * Traditional Chinese, straight quotes, one space for every kind of blank.
 */
/** Code unit standing for "a number here" in lexicon entries ({n} in the sources). */
export const NUMBER_SLOT = 0xffff;

export const FOLD: Uint16Array = buildFold();

/* Character classes the scanner branches on (after folding). */
export const CHAR_OTHER = 0;
/** ASCII or Latin-1 letters and digits: English words must start and end on a boundary. */
export const CHAR_WORD = 1;
export const CHAR_HAN = 2;
export const CHAR_SPACE = 3;
/** Ends a clause (，、；：): negation and degree scopes stop here. */
export const CHAR_CLAUSE = 4;
/** Ends a sentence (。. and line breaks). */
export const CHAR_SENTENCE = 5;
/** ! and ? (and their full-width forms): counted as runs, also end a sentence. */
export const CHAR_MARK = 6;

export const CLASS: Uint8Array = buildClasses();

/** Every code unit of class CHAR_WORD lies below this (ASCII and Latin-1): comparing a code with it spares a CLASS read for Chinese. */
export const WORD_CHARS_END = 0x100;

/** The code units an amount may start with (NUMERAL 1): digits and Chinese numerals. */
export const AMOUNT_STARTS: readonly number[] = Array.from('0123456789零〇一二三四五六七八九十百千万两俩仨几半', (ch) => ch.charCodeAt(0));

/**
 * Characters a {n} slot consumes: digits and Chinese numerals, plus the
 * measure words and approximators that sit inside a spoken amount
 * (两个多小时, 一个半月, 十来天). The first character must be a real numeral.
 */
export const NUMERAL: Uint8Array = buildNumerals();

function buildFold(): Uint16Array {
  const fold = identityTable();
  for (let c = 0x41; c <= 0x5a; c++) fold[c] = c + 32;
  // Latin-1 and Latin Extended-A upper case (À-Þ except ×) fold to lower case.
  for (let c = 0xc0; c <= 0xde; c++) if (c !== 0xd7) fold[c] = c + 32;
  // Full-width ASCII (！ to ～) to ASCII, then lower-cased.
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const ascii = c - 0xfee0;
    fold[c] = ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii;
  }
  for (const c of [0x09, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) fold[c] = 0x20;
  for (let c = 0x2000; c <= 0x200a; c++) fold[c] = 0x20;
  fold[0x2018] = 0x27; // ‘
  fold[0x2019] = 0x27; // ’
  fold[0x02bc] = 0x27; // ʼ
  fold[0x201c] = 0x22; // “
  fold[0x201d] = 0x22; // ”
  fold[0x3002] = 0x2e; // 。
  fold[0xff61] = 0x2e; // ｡
  fold[0x3001] = 0x2c; // 、
  fold[0xfe50] = 0x2c;
  fold[0x2026] = 0x2e; // …
  fold[0x203c] = 0x21; // ‼
  fold[0x2049] = 0x21; // ⁉
  fold[0xfe57] = 0x21;
  fold[0xfe56] = 0x3f;
  // A slot marker can never come from the text itself.
  fold[NUMBER_SLOT] = 0xfffd;
  // Traditional → Simplified. A few characters fold twice over (麼 → 么 → 幺): fold to the end, so folding a
  // folded text changes nothing and a term stored folded (a lexicon entry, a learned term) matches however the
  // text spelled it. Only these pairs can chain: every other entry above folds to a character that stays.
  const traditional = traditionalCodes();
  const steps = unpackNumbers(SIMPLIFIED_STEPS);
  for (let i = 0, s = 0; i < traditional.length; i++) {
    s += unzigzag(steps[i] as number);
    fold[traditional[i] as number] = s;
  }
  for (const c of traditional) {
    let f = fold[c] as number;
    for (let hops = 0; fold[f] !== f && hops < 4; hops++) f = fold[f] as number;
    fold[c] = f;
  }
  return fold;
}

/**
 * 0, 1, 2 … 0xffff, written two entries to a 32-bit store, eight stores a
 * step. As a plain loop the 65 K stores were most of the table's cost at
 * import (each through a store stub in unoptimised code, then an optimising
 * compile of the loop): valgrind counted ~20 M instructions, this ~5 M.
 */
function identityTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  const words = new Uint32Array(table.buffer);
  // Word k holds entries 2k and 2k + 1; which half is entry 2k follows the platform's byte order.
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  // Each next word is 0x20002 more: both its entries are 2 more (literals, so unoptimised code does no multiplying).
  for (let k = 0, w = littleEndian ? 0x10000 : 1; k < 0x8000; k += 8, w += 0x100010) {
    words[k] = w;
    words[k + 1] = w + 0x20002;
    words[k + 2] = w + 0x40004;
    words[k + 3] = w + 0x60006;
    words[k + 4] = w + 0x80008;
    words[k + 5] = w + 0xa000a;
    words[k + 6] = w + 0xc000c;
    words[k + 7] = w + 0xe000e;
  }
  return table;
}

/** The Traditional characters of the generated map, in code order. */
function traditionalCodes(): number[] {
  const codes = unpackNumbers(TRADITIONAL_STEPS);
  for (let i = 0, t = -1; i < codes.length; i++) codes[i] = t += (codes[i] as number) + 1;
  return codes;
}

function buildClasses(): Uint8Array {
  const classes = new Uint8Array(0x10000);
  classes.fill(CHAR_WORD, 0x30, 0x3a); // 0-9
  classes.fill(CHAR_WORD, 0x61, 0x7b); // a-z
  classes.fill(CHAR_WORD, 0xdf, 0x100); // ß-ÿ
  classes[0xf7] = CHAR_OTHER; // ÷
  classes.fill(CHAR_HAN, 0x3400, 0x4dc0);
  classes.fill(CHAR_HAN, 0x4e00, 0xa000);
  classes.fill(CHAR_HAN, 0xf900, 0xfb00);
  classes[0x20] = CHAR_SPACE;
  for (const c of [0x2c, 0x3b, 0x3a]) classes[c] = CHAR_CLAUSE; // , ; :
  for (const c of [0x2e, 0x0a, 0x85]) classes[c] = CHAR_SENTENCE; // . \n
  classes[0x21] = CHAR_MARK;
  classes[0x3f] = CHAR_MARK;
  return classes;
}

function buildNumerals(): Uint8Array {
  // 1 = may start an amount, 2 = may only continue one.
  const numerals = new Uint8Array(0x10000);
  for (const c of AMOUNT_STARTS) numerals[c] = 1;
  for (const ch of '个多来.') numerals[ch.charCodeAt(0)] = 2;
  return numerals;
}
