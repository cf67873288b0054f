import { PROBLEM_KINDS } from '../core/cue-kinds.js';

export { CUE_KINDS, type CueKind } from '../core/cue-kinds.js';

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
