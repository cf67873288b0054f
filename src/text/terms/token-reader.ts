import type { TermHits } from './term-hits.js';

/**
 * What the scanner reports, in text order, to whoever reads the tokens
 * alongside it (learned terms): every English word token with the hash of
 * its folded code units, and every Han character, including those inside a
 * lexicon match the scanner consumes whole.
 */
export interface TokenObserver {
  word(text: string, start: number, end: number, hash: number): void;
  han(at: number, folded: number): void;
}

/**
 * Who reads the tokens of one customer text alongside the scanner: the
 * scorer's term matcher (hits into `hits`), or fitting's term collector.
 * A text arrives in pieces (the string, or each customer turn at its offset
 * in the joined customer text); n-grams never span two pieces.
 */
export interface TokenReader {
  /** Called before each piece (`text`, at `offset` in the joined customer text) is scanned; returns the observer for its tokens. */
  piece(offset: number, text: string): TokenObserver;
  /** Where a matcher put the hits (offsets into the joined customer text); undefined for a collector. */
  readonly hits: TermHits | undefined;
}
