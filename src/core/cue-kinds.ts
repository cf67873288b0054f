/** The problems customers name (the expectation gaps behind complaints); each is a cue kind. */
export const PROBLEM_KINDS = ['wait', 'repeat', 'unresolved', 'billing', 'delivery', 'attitude', 'fairness'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/**
 * The kinds of cue the text analyzer reports, and so the `kind` of every
 * evidence span. The risk model groups them into its text factors: feeling
 * (negative/positive with their modifiers), explicit intent, and problem
 * descriptions (what went wrong).
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
  ...PROBLEM_KINDS,
  // a word or phrase a fitted model learned from a team's own history (learned terms)
  'term',
] as const;

export type CueKind = (typeof CUE_KINDS)[number];
