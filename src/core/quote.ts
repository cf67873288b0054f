import type { Evidence } from './types.js';

/** One language's quote marks around quoted cue texts: opening, between two, closing, and closing with more to come. */
export interface QuoteMarks {
  readonly open: string;
  readonly between: string;
  readonly close: string;
  readonly more: string;
}

/** “太差了”、“没人理” 等 */
export const ZH_QUOTES: QuoteMarks = { open: '：“', between: '”、“', close: '”', more: '” 等' };
/** "terrible", "no one", ... */
export const EN_QUOTES: QuoteMarks = { open: ': "', between: '", "', close: '"', more: '", ...' };

/**
 * A reason's lead and then the first few (three) cue texts, quoted the way
 * the language of `marks` quotes: lead：“太差了”、“没人理” / lead:
 * "terrible", "no one" ("等" / ", ..." when there are more), or the lead
 * alone for none. `open` is the lead with `marks.open` joined on, kept per
 * lead by the caller: each text is then joined from the left onto a string
 * of 13 or more characters, which V8 does as one 32-byte cons string and no
 * copy, where quoting first and joining the lead after made a flat copy of
 * every short prefix of the quotes (~180 B a score()).
 */
export function leadQuoted(lead: string, open: string, evidence: readonly Evidence[] | undefined, marks: QuoteMarks): string {
  const n = evidence === undefined ? 0 : evidence.length;
  if (n === 0) return lead;
  const e = evidence as readonly Evidence[];
  const a = (e[0] as Evidence).text;
  if (n === 1) return open + a + marks.close;
  const b = (e[1] as Evidence).text;
  if (n === 2) return open + a + marks.between + b + marks.close;
  return open + a + marks.between + b + marks.between + (e[2] as Evidence).text + (n > 3 ? marks.more : marks.close);
}

/**
 * A copy of an ASCII string held two bytes a character (a slice of a
 * two-byte string keeps that form), to join onto Chinese text: V8 joins
 * two short strings of one form in its fast path and goes to its runtime
 * when they differ, which made the English quotes of Chinese evidence cost
 * twice the Chinese ones. The characters are the same either way.
 */
function twoByte(ascii: string): string {
  return ('\u4e00' + ascii).slice(1);
}

/** English quote marks, as joined around quoted texts: a quote mark alone, and a list separator with one. */
export interface EnglishMarks {
  readonly quote: string;
  readonly nextQuote: string;
}

/** The English marks in each of V8's string forms. */
const EN_MARKS: readonly [EnglishMarks, EnglishMarks] = [
  { quote: '"', nextQuote: ', "' },
  { quote: twoByte('"'), nextQuote: twoByte(', "') },
];

/** The English marks to join onto `text` (and texts like it): held two bytes a character when it starts past Latin-1. */
export function englishMarksFor(text: string): EnglishMarks {
  return EN_MARKS[text.charCodeAt(0) > 0xff ? 1 : 0];
}

/**
 * Numbers in reasons: at most two decimals, no trailing zeros, explicit sign
 * where asked; exactly String(Math.round(x * 100) / 100) (0 for -0). This
 * runs several times per score() call, so hundredths below 1e13 are written
 * from the integer k = round(100x) with integer-to-string conversions (V8
 * caches small integers' strings) rather than by the shortest-digits
 * algorithm String(double) runs; k / 100 is the double nearest the decimal
 * k/100, whose shortest round-trip form has those same digits.
 */
export function formatNumber(x: number, signed = false): string {
  const k = Math.round(x * 100);
  if (k === 0) return '0';
  const s = k < 1e15 && k > -1e15 ? hundredths(k < 0 ? -k : k, k < 0) : String(k / 100);
  return signed && k > 0 ? '+' + s : s;
}

/** `a`/100 for an integer 0 < a < 1e15, as String(a / 100) writes it. */
function hundredths(a: number, negative: boolean): string {
  const frac = a % 100;
  const whole = (a - frac) / 100;
  const head = negative ? '-' + whole : '' + whole;
  if (frac === 0) return head;
  return frac % 10 === 0 ? head + '.' + frac / 10 : head + (frac < 10 ? '.0' : '.') + frac;
}
