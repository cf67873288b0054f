import { foldTerm } from '../compiled-lexicon.js';
import { buildWordTable, type WordTable } from '../word-table.js';
import { buildPairTable, type PairTable } from './pair-table.js';
import { isHanTerm, isTerm } from './term-rules.js';

/**
 * A model's learned terms compiled into the tables the scanner consults as
 * it reads: English words by hash (with their text checked), word pairs and
 * Han n-grams by pairs of 32-bit integers (pair-table.ts). Built per scorer from its own
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
  /** English bigrams by (first word id, second word id). */
  readonly english: PairTable;
  /** Han unigrams, bigrams and trigrams by (`hanHigh`, `hanLow`) of their characters. */
  readonly han: PairTable;
  /**
   * Per Han code unit, which lookups it can lead to (HAN_UNIGRAM, HAN_STARTS_BIGRAM,
   * HAN_STARTS_TRIGRAM): an n-gram is looked up only when its first character starts one, so
   * a text mostly outside the vocabulary costs one array read per character, not three probes.
   */
  readonly hanFlags: Uint8Array;
}

/** `hanFlags` bits: the character is a term by itself, starts a two-character term, starts a three-character one. */
export const HAN_UNIGRAM = 1;
export const HAN_STARTS_BIGRAM = 2;
export const HAN_STARTS_TRIGRAM = 4;

/**
 * A Han n-gram ending at code `c` after `b` and `a` (0 = absent), as a
 * pair-table key: the first of three characters high, the last two low.
 * Han code units are ≥ 0x3400, so lengths never collide.
 */
export function hanHigh(a: number): number {
  return a;
}
export function hanLow(b: number, c: number): number {
  return (b << 16) | c;
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
  const english: [number, number, number][] = [];
  const unigrams: [number, number][] = [];
  const han: [number, number, number][] = [];
  const hanFlags = new Uint8Array(65536);
  terms.forEach((term, index) => {
    if (!isTerm(term)) throw new RangeError(`not a learnable term: ${JSON.stringify(term)}`);
    if (isHanTerm(term)) {
      const c = term.split('').map((ch) => ch.charCodeAt(0));
      const [a, b, last] = c.length === 1 ? [0, 0, c[0] as number] : c.length === 2 ? [0, c[0] as number, c[1] as number] : (c as [number, number, number]);
      han.push([hanHigh(a), hanLow(b, last), index]);
      hanFlags[c[0] as number] = (hanFlags[c[0] as number] as number) | (c.length === 1 ? HAN_UNIGRAM : c.length === 2 ? HAN_STARTS_BIGRAM : HAN_STARTS_TRIGRAM);
      return;
    }
    const [first, second] = term.split(' ') as [string, string | undefined];
    if (second === undefined) unigrams.push([idOf(first), index]);
    else english.push([idOf(first), idOf(second), index]);
  });
  const vocabularyWords = [...wordIds.keys()];
  const unigramOf = new Int32Array(vocabularyWords.length).fill(-1);
  for (const [id, index] of unigrams) unigramOf[id] = index;
  const startsPair = new Uint8Array(vocabularyWords.length);
  for (const [first] of english) startsPair[first] = 1;
  const words = buildWordTable(vocabularyWords, () => 0);
  // buildWordTable numbers entries by their index in the list, which is the word id.
  return { terms, weights, words, unigramOf, startsPair, english: buildPairTable(english), han: buildPairTable(han), hanFlags };
}
