import type { Evidence } from '../core/types.js';

/** No unit or clause: where the last feeling stands before any was read. */
const NONE = -100;

/**
 * The last feeling the rules read, for a negation that follows its word
 * (开心不起来, 满意不了): its cue, the valence it added and the share of
 * that from caps, and where it stood. Only a negation right after it, in
 * its clause, turns it (sentiment-rules.ts); a thank-you read as praise
 * takes its cue and caps share too (gratitude-rule.ts).
 */
export class LastFeeling {
  cue: Evidence | undefined = undefined;
  value = 0;
  caps = 0;
  private unit = NONE;
  private clause = NONE;

  /** The feeling of cue `cue` at unit `unit` of clause `clause` added `value`, `caps` of it from caps. */
  note(cue: Evidence, value: number, caps: number, unit: number, clause: number): void {
    this.cue = cue;
    this.value = value;
    this.caps = caps;
    this.unit = unit;
    this.clause = clause;
  }

  /** True when it is praise read right before unit `unit`, in clause `clause`: what a negation there turns. */
  turnsAt(unit: number, clause: number): boolean {
    return this.cue !== undefined && this.value > 0 && this.unit === unit - 1 && this.clause === clause;
  }

  /** Turned: no later negation turns it again. */
  taken(): void {
    this.cue = undefined;
  }

  /** Back to a new instance's state, for the next text. */
  reset(): void {
    this.cue = undefined;
    this.value = 0;
    this.caps = 0;
    this.unit = NONE;
    this.clause = NONE;
  }
}
