import { foldTerm } from '../compiled-lexicon.js';
import { buildWordTable, type WordTable } from '../word-table.js';
import { buildNumberTable, type NumberTable } from './number-table.js';
import { isHanTerm, isTerm, MAX_HAN_TERM } from './term-rules.js';

/**
 * A model's learned terms compiled into the tables the scanner consults as
 * it reads: English words by hash (with their text checked), word pairs and
 * Han n-grams by packed whole-number keys. Built per scorer from its own
 * model and never shared or changed, so two scorers with different
 * vocabularies never see each other's terms.
 */
export interface TermVocabulary {
  /** The terms in model order, folded (the form the tables and evidence use). */
  readonly terms: readonly string[];
  readonly weights: Float64Array;
  /** Every English word some term uses; `entries[slot]` is the word's id. */
  readonly words: WordTable;
  /** Word id → the term that word alone is, or -1. */
  readonly unigramOf: Int32Array;
  /** Word id → 1 when some English bigram starts with that word (else its pairs need no lookup). */
  readonly startsPair: Uint8Array;
  /** English bigrams by `englishKey`. */
  readonly english: NumberTable;
  /** Han unigrams, bigrams and trigrams by `hanKey`. */
  readonly han: NumberTable;
  /**
   * Per Han code unit, which lookups it can lead to (HAN_UNIGRAM, HAN_STARTS_BIGRAM,
   * HAN_STARTS_TRIGRAM): an n-gram is looked up only when its first character starts one, so
   * a text mostly outside the vocabulary costs one array read per character, not three probes.
   */
  readonly hanFlags: Uint8Array;
  /** Whether any term is a Han n-gram of two or three characters (else the scanner need not remember earlier characters). */
  readonly maxHan: number;
}

const WORD_ID_SPACE = 2 ** 21;

/** `hanFlags` bits: the character is a term by itself, starts a two-character term, starts a three-character one. */
export const HAN_UNIGRAM = 1;
export const HAN_STARTS_BIGRAM = 2;
export const HAN_STARTS_TRIGRAM = 4;

/** Key of an English bigram (or, second id −1, a unigram); ids are word ids from `words`. */
export function englishKey(first: number, second: number): number {
  return (first + 1) * WORD_ID_SPACE + (second + 1);
}

/**
 * Key of a Han n-gram ending at code `c` after `b` and `a` (0 = absent).
 * Han code units are ≥ 0x3400, so lengths never collide: unigrams are
 * below 2^16, bigrams below 2^32, trigrams from 2^45.
 */
export function hanKey(a: number, b: number, c: number): number {
  return a === 0 ? (b === 0 ? c : b * 65536 + c) : (a * 65536 + b) * 65536 + c;
}

/** Compiles (term, weight) pairs; every term must already satisfy the term rules (parseModel checks them). */
export function compileVocabulary(pairs: readonly (readonly [string, number])[]): TermVocabulary {
  const terms = pairs.map(([term]) => foldTerm(term));
  const weights = Float64Array.from(pairs, ([, weight]) => weight);
  const wordIds = new Map<string, number>();
  const idOf = (word: string): number => {
    let id = wordIds.get(word);
    if (id === undefined) wordIds.set(word, (id = wordIds.size));
    return id;
  };
  const english: [number, number][] = [];
  const unigrams: [number, number][] = [];
  const han: [number, number][] = [];
  const hanFlags = new Uint8Array(65536);
  let maxHan = 0;
  terms.forEach((term, index) => {
    if (!isTerm(term)) throw new RangeError(`not a learnable term: ${JSON.stringify(term)}`);
    if (isHanTerm(term)) {
      const c = term.split('').map((ch) => ch.charCodeAt(0));
      han.push([c.length === 1 ? hanKey(0, 0, c[0] as number) : c.length === 2 ? hanKey(0, c[0] as number, c[1] as number) : hanKey(c[0] as number, c[1] as number, c[2] as number), index]);
      hanFlags[c[0] as number] = (hanFlags[c[0] as number] as number) | (c.length === 1 ? HAN_UNIGRAM : c.length === 2 ? HAN_STARTS_BIGRAM : HAN_STARTS_TRIGRAM);
      maxHan = Math.max(maxHan, c.length);
      return;
    }
    const [first, second] = term.split(' ') as [string, string | undefined];
    if (second === undefined) unigrams.push([idOf(first), index]);
    else english.push([englishKey(idOf(first), idOf(second)), index]);
  });
  const vocabularyWords = [...wordIds.keys()];
  const unigramOf = new Int32Array(vocabularyWords.length).fill(-1);
  for (const [id, index] of unigrams) unigramOf[id] = index;
  const startsPair = new Uint8Array(vocabularyWords.length);
  for (const [key] of english) startsPair[Math.floor(key / WORD_ID_SPACE) - 1] = 1;
  const words = buildWordTable(vocabularyWords, () => 0);
  // buildWordTable numbers entries by their index in the list, which is the word id.
  return { terms, weights, words, unigramOf, startsPair, english: buildNumberTable(english), han: buildNumberTable(han), hanFlags, maxHan: Math.min(maxHan, MAX_HAN_TERM) };
}
