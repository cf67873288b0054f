import { PROBLEM_KINDS, type ProblemKind } from '../core/cue-kinds.js';

/**
 * What a lexicon entry does when the scanner meets it, as a small integer
 * so the hot loop switches on numbers, not strings.
 */
export const ENTRY_FEELING = 1;
export const ENTRY_NEGATION = 2;
export const ENTRY_INTENSIFIER = 3;
export const ENTRY_DAMPENER = 4;
export const ENTRY_CONTRAST = 5;
export const ENTRY_INTENT = 6;
export const ENTRY_EMOJI = 7;
/** Consumes its span and does nothing: 好像 is not 好, "no doubt" is not a negation. */
export const ENTRY_BLOCK = 8;
/** Opens a concession (虽然, although): the feelings in its clause weigh half. */
export const ENTRY_CONCESSION = 9;
/** Thanks: praise, unless a problem follows in its clause ("thanks for the 3-hour wait") or stands just before it. */
export const ENTRY_THANKS = 10;
/** A problem put right (resolved, 解决了): praise that also closes the clause's intent words ("resolved my complaint"). */
export const ENTRY_CLOSURE = 11;
/** A request for action ("please check my order"): a complaint only when the text states a problem. */
export const ENTRY_REQUEST = 12;
/** A negation after its word (开心不起来): it turns the feeling just before it. */
export const ENTRY_AFTER_NEGATION = 13;
/** "yet": a contrast inside a clause ("paid for it, yet it broke"), none after a negation or problem or at a clause's end ("not received it yet"). */
export const ENTRY_YET = 14;
/** Gratitude said in full (感谢您, 非常感谢): thanks that a problem just before it leaves praise, never a courtesy. */
export const ENTRY_GRATITUDE = 15;
/** Problem kinds are PROBLEM_BASE + their index in PROBLEM_KINDS. */
export const ENTRY_PROBLEM_BASE = 16;


const NAMED: Record<string, number> = {
  feeling: ENTRY_FEELING,
  /** Words mined from labelled data as (word, weight) figures: a feeling with a learned valence. */
  mined: ENTRY_FEELING,
  negation: ENTRY_NEGATION,
  intensifier: ENTRY_INTENSIFIER,
  dampener: ENTRY_DAMPENER,
  contrast: ENTRY_CONTRAST,
  intent: ENTRY_INTENT,
  emoji: ENTRY_EMOJI,
  block: ENTRY_BLOCK,
  concession: ENTRY_CONCESSION,
  thanks: ENTRY_THANKS,
  gratitude: ENTRY_GRATITUDE,
  closure: ENTRY_CLOSURE,
  request: ENTRY_REQUEST,
  'after-negation': ENTRY_AFTER_NEGATION,
  yet: ENTRY_YET,
};
PROBLEM_KINDS.forEach((kind, i) => (NAMED[kind] = ENTRY_PROBLEM_BASE + i));

/** Entry code for a kind name used in the lexicon sources, or undefined. */
export function entryCode(kind: string): number | undefined {
  return Object.hasOwn(NAMED, kind) ? NAMED[kind] : undefined;
}

/** Cue kind reported for a problem entry code. */
export function problemKind(code: number): ProblemKind {
  return PROBLEM_KINDS[code - ENTRY_PROBLEM_BASE] as ProblemKind;
}
