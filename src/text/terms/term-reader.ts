import type { TermHits } from './term-hits.js';
import type { TokenObserver } from './term-matcher.js';

/**
 * Who reads the tokens of one customer text alongside the scanner: the
 * scorer's term matcher (hits into `hits`), or fitting's term collector.
 * A text arrives in pieces (the string, or each customer turn at its offset
 * in the joined customer text); n-grams never span two pieces.
 */
export interface TokenReader {
  /** Called before each piece is scanned; returns the observer for its tokens. */
  piece(offset: number): TokenObserver;
  /** Where a matcher put the hits (offsets into the joined customer text); undefined for a collector. */
  readonly hits: TermHits | undefined;
}
