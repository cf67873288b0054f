import type { Evidence } from '../core/types.js';
import { insertCue, roundWeight } from './cue-list.js';

/** VADER's factor for a negated feeling; a negated negative word turns only half as far. */
export const NEGATION_SCALAR = -0.74;
const DEGREE_SCOPE = 2;
/** A unit no scope reaches from: where a modifier stands when none is pending. */
const NONE = -100;
/** What idle scopes point to: no list, and frozen, so a stray cue fails loudly rather than joining a later text's. */
const NO_CUES: Evidence[] = Object.freeze([]) as unknown as Evidence[];

/**
 * Negation and degree words waiting for the word they modify, by unit (the
 * caller's count of words, unmatched Chinese characters and lexicon entries
 * read: it stays a field of the hot loop's own object). A modifier's cue is
 * shown once a later word uses it, in text order. Scopes end at a clause
 * break.
 */
export class ModifierScopes {
  /** The pending negation's factor (NEGATION_SCALAR × its weight). */
  negation = 0;
  private negationUnit = NONE;
  private negationStart = 0;
  private negationEnd = 0;
  private negationShown = false;
  private degree = 1;
  private degreeUnit = NONE;
  private degreeStart = 0;
  private degreeEnd = 0;
  private degreeKind: 'intensifier' | 'dampener' = 'intensifier';
  /** The text read and its cue list, where a modifier's cue goes once a word uses it. */
  private text = '';
  private cues: Evidence[] = NO_CUES;

  /** Readies the scopes for `text`, whose cues go into `cues`. */
  begin(text: string, cues: Evidence[]): void {
    this.text = text;
    this.cues = cues;
  }

  /** Back to a new instance's state, holding no text or cue: one analyzer reuses its rules (sentiment-rules.ts). */
  reset(): void {
    this.negation = 0;
    this.negationUnit = NONE;
    this.negationStart = 0;
    this.negationEnd = 0;
    this.negationShown = false;
    this.degree = 1;
    this.degreeUnit = NONE;
    this.degreeStart = 0;
    this.degreeEnd = 0;
    this.degreeKind = 'intensifier';
    this.text = '';
    this.cues = NO_CUES;
  }

  /** A negation word of `weight` at text[start, end), unit `unit`. */
  setNegation(unit: number, weight: number, start: number, end: number): void {
    this.negation = NEGATION_SCALAR * weight;
    this.negationUnit = unit;
    this.negationStart = start;
    this.negationEnd = end;
    this.negationShown = false;
  }

  /** Unit `unit` ends in a negation its own cue shows ("still hasn't"): it negates on. */
  negateOn(unit: number): void {
    this.negation = NEGATION_SCALAR;
    this.negationUnit = unit;
    this.negationShown = true;
  }

  /** True when a negation is pending in this clause. */
  get negationPending(): boolean {
    return this.negationUnit !== NONE;
  }

  /** Units from the pending negation to `unit` (1 = right after it). */
  sinceNegation(unit: number): number {
    return unit - this.negationUnit;
  }

  /** True when a negation reaches unit `unit` within `scope`; shows the negation as a cue the first time it applies. */
  negated(unit: number, scope: number): boolean {
    if (unit - this.negationUnit > scope) return false;
    if (!this.negationShown) {
      this.negationShown = true;
      insertCue(this.cues, this.text, this.negationStart, this.negationEnd, 'negation', roundWeight(this.negation));
    }
    return true;
  }

  /** A degree word of `weight` at text[start, end), unit `unit`. Degree words stack (非常非常, "really very") up to a bound. */
  setDegree(unit: number, weight: number, kind: 'intensifier' | 'dampener', start: number, end: number): void {
    this.degree = unit - this.degreeUnit <= DEGREE_SCOPE ? Math.min(3, Math.max(0.3, this.degree * weight)) : weight;
    if (this.degreeUnit < unit - DEGREE_SCOPE) this.degreeStart = start;
    this.degreeUnit = unit;
    this.degreeEnd = end;
    this.degreeKind = kind;
  }

  /** The pending degree multiplier, consumed by the word at unit `unit` it modifies (shown as a cue then); 1 when none reaches. */
  takeDegree(unit: number): number {
    if (unit - this.degreeUnit > DEGREE_SCOPE) return 1;
    const m = this.degree;
    this.degreeUnit = NONE;
    this.degree = 1;
    insertCue(this.cues, this.text, this.degreeStart, this.degreeEnd, this.degreeKind, roundWeight(m));
    return m;
  }

  endClause(): void {
    this.negationUnit = NONE;
    this.degreeUnit = NONE;
    this.degree = 1;
  }
}
