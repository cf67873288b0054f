import { findWord } from '../word-table.js';
import { lookupPair } from './pair-table.js';
import { HAN_STARTS_BIGRAM, HAN_STARTS_TRIGRAM, HAN_UNIGRAM, hanHigh, hanLow, type TermVocabulary } from './term-vocabulary.js';
import { isAddressPart, onlyBlanks } from './term-rules.js';
import { TermHits } from './term-hits.js';
import type { TokenObserver, TokenReader } from './token-reader.js';


/** A reader of a vocabulary's terms into a hit buffer of its own; one matcher may serve many readers (each text resets it). */
export function termReader(matcher: TermMatcher): TokenReader {
  const hits = new TermHits();
  return {
    hits,
    piece(offset, text) {
      matcher.begin(hits, offset, text);
      return matcher;
    },
  };
}

/**
 * Finds a vocabulary's terms in the tokens the scanner reports, writing a
 * hit per match. Adjacency is checked by position, not by what the scanner
 * reported in between: a Han n-gram needs its characters side by side, an
 * English bigram two words with only blanks between them.
 */
export class TermMatcher implements TokenObserver {
  private hits: TermHits | undefined;
  private prevWord = -1;
  private prevWordStart = 0;
  private prevWordEnd = -2;
  private han1 = 0;
  private han2 = 0;
  private hanAt = -2;

  constructor(readonly vocabulary: TermVocabulary) {}

  /**
   * Starts a new text; its hits go to `hits`, moved by `offset` (a later
   * customer turn's place in the joined customer text). `hits` is not
   * cleared: a transcript's turns add up.
   */
  begin(hits: TermHits, offset: number, text: string): void {
    this.hits = hits;
    hits.beginPiece(text, offset);
    this.prevWord = -1;
    this.prevWordEnd = -2;
    this.han1 = 0;
    this.han2 = 0;
    this.hanAt = -2;
  }

  word(text: string, start: number, end: number, hash: number): void {
    const v = this.vocabulary;
    const slot = findWord(v.words, hash, text, start, end);
    const id = slot < 0 || isAddressPart(text, start, end) ? -1 : (v.words.entries[slot] as number);
    if (id < 0) {
      this.prevWord = -1;
      return;
    }
    const unigram = v.unigramOf[id] as number;
    if (this.prevWord >= 0 && v.startsPair[this.prevWord] === 1 && onlyBlanks(text, this.prevWordEnd, start)) {
      const bigram = lookupPair(v.english, this.prevWord, id);
      if (bigram >= 0) this.hit(bigram, this.prevWordStart, end);
    }
    if (unigram >= 0) this.hit(unigram, start, end);
    this.prevWord = id;
    this.prevWordStart = start;
    this.prevWordEnd = end;
  }

  han(at: number, folded: number): void {
    const v = this.vocabulary;
    if (this.hanAt !== at - 1) {
      this.han1 = 0;
      this.han2 = 0;
    }
    // A lookup only where the n-gram's first character starts some term of that length (hanFlags).
    const flags = v.hanFlags;
    if (((flags[folded] as number) & HAN_UNIGRAM) !== 0) {
      const unigram = lookupPair(v.han, 0, folded);
      if (unigram >= 0) this.hit(unigram, at, at + 1);
    }
    if (this.han1 !== 0 && ((flags[this.han1] as number) & HAN_STARTS_BIGRAM) !== 0) {
      const bigram = lookupPair(v.han, 0, hanLow(this.han1, folded));
      if (bigram >= 0) this.hit(bigram, at - 1, at + 1);
    }
    if (this.han2 !== 0 && ((flags[this.han2] as number) & HAN_STARTS_TRIGRAM) !== 0) {
      const trigram = lookupPair(v.han, hanHigh(this.han2), hanLow(this.han1, folded));
      if (trigram >= 0) this.hit(trigram, at - 2, at + 1);
    }
    this.han2 = this.han1;
    this.han1 = folded;
    this.hanAt = at;
  }

  /** A match at [start, end) of the current piece: the hits keep a term's first match only. */
  private hit(term: number, start: number, end: number): void {
    (this.hits as TermHits).push(term, start, end, this.vocabulary.weights[term] as number);
  }
}
