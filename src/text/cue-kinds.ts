import { PROBLEM_KINDS } from './entry-kind.js';

/**
 * The kinds of cue the text analyzer reports. The risk model groups them
 * into its text factors: feeling (negative/positive with their modifiers),
 * explicit intent, and problem descriptions (what went wrong).
 */
export const CUE_KINDS = [
  // feeling
  'negative',
  'positive',
  'negation',
  'intensifier',
  'dampener',
  'contrast',
  'punctuation',
  'caps',
  'emoji',
  'repetition',
  // explicit intent to complain or escalate
  'intent',
  // problem descriptions: the expectation gaps customers name
  'wait',
  'repeat',
  'unresolved',
  'billing',
  'delivery',
  'attitude',
  'fairness',
] as const;

export type CueKind = (typeof CUE_KINDS)[number];

/** The problems customers name (what went wrong); each one counts in the problems factor. */
export const PROBLEM_CUE_KINDS: ReadonlySet<string> = new Set(PROBLEM_KINDS);

/** Cues that carry the customer's feeling in words: the evidence shown for negativity. */
export const SENTIMENT_WORD_CUE_KINDS: ReadonlySet<string> = new Set(['negative', 'positive', 'negation', 'intensifier', 'dampener', 'contrast', 'emoji']);

/**
 * Cues that move the sentiment score. Named problems and explicit intent
 * count: the analyzer scores "送错了" and "I want a refund" as unhappy, so a
 * turn holding only them still expresses a mood (a transcript's trend
 * starts there).
 */
export const FEELING_CUE_KINDS: ReadonlySet<string> = new Set([...SENTIMENT_WORD_CUE_KINDS, 'intent', ...PROBLEM_CUE_KINDS]);

/** Cues that show how strongly the feeling is expressed. */
export const INTENSITY_CUE_KINDS: ReadonlySet<string> = new Set(['intensifier', 'punctuation', 'caps', 'emoji', 'repetition']);
