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
  /** English unigrams and bigrams by `englishKey`. */
  readonly english: NumberTable;
  /** Han unigrams, bigrams and trigrams by `hanKey`. */
  readonly han: NumberTable;
  /** Whether any term is a Han n-gram of two or three characters (else the scanner need not remember earlier characters). */
  readonly maxHan: number;
}

const WORD_ID_SPACE = 2 ** 21;

/** Key of an English unigram (second id absent) or bigram; ids are word ids from `words`. */
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
  const han: [number, number][] = [];
  let maxHan = 0;
  terms.forEach((term, index) => {
    if (!isTerm(term)) throw new RangeError(`not a learnable term: ${JSON.stringify(term)}`);
    if (isHanTerm(term)) {
      const c = term.split('').map((ch) => ch.charCodeAt(0));
      han.push([c.length === 1 ? hanKey(0, 0, c[0] as number) : c.length === 2 ? hanKey(0, c[0] as number, c[1] as number) : hanKey(c[0] as number, c[1] as number, c[2] as number), index]);
      maxHan = Math.max(maxHan, c.length);
      return;
    }
    const [first, second] = term.split(' ') as [string, string | undefined];
    english.push([englishKey(idOf(first), second === undefined ? -1 : idOf(second)), index]);
  });
  const vocabularyWords = [...wordIds.keys()];
  const words = buildWordTable(vocabularyWords, () => 0);
  // buildWordTable numbers entries by their index in the list, which is the word id.
  return { terms, weights, words, english: buildNumberTable(english), han: buildNumberTable(han), maxHan: Math.min(maxHan, MAX_HAN_TERM) };
}
