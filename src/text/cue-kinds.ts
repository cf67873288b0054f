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

export const PROBLEM_CUE_KINDS: ReadonlySet<string> = new Set(['wait', 'repeat', 'unresolved', 'billing', 'delivery', 'attitude', 'fairness']);

/** Cues that carry or shape the customer's feeling, shown as evidence for sentiment and intensity. */
export const FEELING_CUE_KINDS: ReadonlySet<string> = new Set(['negative', 'positive', 'negation', 'intensifier', 'dampener', 'contrast']);

export const INTENSITY_CUE_KINDS: ReadonlySet<string> = new Set(['intensifier', 'punctuation', 'caps', 'emoji', 'repetition']);
