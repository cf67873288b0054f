/**
 * The hand-written lexicon sources are lists of groups: one kind, one
 * weight, many terms. `{n}` in a term stands for an amount (三, 3, 两个多).
 *
 * Weights by kind:
 * - feeling: valence on VADER's scale, -4 (furious) to +4 (delighted).
 * - negation: how strongly a positive word after it flips (1 = fully).
 * - intensifier / dampener: the multiplier applied to the next feeling.
 * - intent: strength in [0, 1] of an explicit intent to complain or
 *   escalate, and the valence it adds (default -2 × strength).
 * - wait, repeat, unresolved, billing, delivery, attitude, fairness: the
 *   valence the named problem adds; each one is a problem the scorer counts.
 * - emoji: valence.
 * - thanks: valence of a thank-you; a problem in its clause after it turns
 *   it sarcastic, a problem just before it makes it a courtesy (no praise),
 *   and intent words after it in its clause are a closure.
 * - gratitude: as thanks, but never a mere courtesy: a problem just
 *   before it leaves it praise (感谢您, 非常感谢).
 * - closure: valence of a problem put right (resolved, 解决了); intent words
 *   in its clause are a closure ("resolved my complaint").
 * - request: valence of a request for action ("please fix this"), counted
 *   only when the text states a problem.
 * - after-negation: a negation that follows its word (开心不起来); weight as
 *   for negation.
 * - yet: a contrast inside a clause; ending a clause ("haven't received it
 *   yet") it is none, so the complaint before it keeps its weight. Weight 0.
 * - block: a word that contains a cue but means something else
 *   (好像 is not 好, 不过 is not 不); it consumes the span and moves nothing.
 */
export interface LexiconGroup {
  kind: string;
  weight: number;
  /** Extra valence for intent groups. */
  valence?: number;
  terms: string[];
}

/** Terms separated by commas and new lines when the list has a comma (English phrases keep their spaces), otherwise by blanks. */
export function group(kind: string, weight: number, terms: string, valence?: number): LexiconGroup {
  const list = (terms.includes(",") ? terms.split(/[,\n]/) : terms.split(/\s+/)).map((t) => t.trim()).filter((t) => t.length > 0);
  return valence === undefined ? { kind, weight, terms: list } : { kind, weight, valence, terms: list };
}
