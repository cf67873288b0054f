import type { TermMatcher } from './term-matcher.js';
import type { TermHits } from './term-hits.js';

/** A model's learned terms, and where to collect their hits (offsets into the customer text). */
export interface TermReader {
  readonly matcher: TermMatcher;
  readonly hits: TermHits;
}
