import type { Evidence, TextAnalysis } from '../core/types.js';
import type { Turn } from '../schema/interaction-schema.js';
import { PROBLEM_CUE_KINDS } from '../text/cue-kinds.js';
import { customerText } from '../conversation/customer-text.js';

/** Evidence spans kept per factor, in text order: a 100 k-character rant must not make a 150 KB result. */
export const MAX_EVIDENCE = 20;
/** Most feeling cues quoted for the negativity factor, strongest first. */
const MAX_FEELING_EVIDENCE = 3;
/** A modifier this close before the word it modified is quoted with it (不满意 → 很不满意, "not happy"). */
const MODIFIER_GAP = 3;

/** The first MAX_EVIDENCE cues of the given kinds (one kind, or a set), in text order. */
export function cuesOfKinds(cues: readonly Evidence[], kinds: ReadonlySet<string> | string): Evidence[] | undefined {
  let picked: Evidence[] | undefined;
  for (let i = 0; i < cues.length && (picked === undefined || picked.length < MAX_EVIDENCE); i++) {
    const cue = cues[i] as Evidence;
    if (typeof kinds === 'string' ? cue.kind === kinds : kinds.has(cue.kind)) (picked ??= []).push(cue);
  }
  return picked;
}

/**
 * The words that moved the sentiment the way it went: for unhappy words the
 * negative words, negated positives and named problems; for happy words the
 * positive ones. Negation and degree markers are quoted only together with
 * the word they modified; contrast markers never.
 */
export function feelingEvidence(analysis: TextAnalysis, interactionText: string | readonly Turn[] | undefined): Evidence[] | undefined {
  const sign = analysis.sentiment < 0 ? -1 : analysis.sentiment > 0 ? 1 : 0;
  if (sign === 0) return undefined;
  const picked: Evidence[] = [];
  const cues = analysis.cues;
  let text: string | undefined;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i] as Evidence;
    const weight = cue.weight ?? 0;
    const moves = cue.kind === 'negative' || cue.kind === 'positive' || cue.kind === 'emoji' || PROBLEM_CUE_KINDS.has(cue.kind);
    if (!moves || Math.sign(weight) !== sign) continue;
    text ??= customerText(interactionText);
    let start = cue.start;
    for (let j = i - 1; j >= 0; j--) {
      const m = cues[j] as Evidence;
      if (!MODIFIER_KINDS.has(m.kind) || m.end > start || start - m.end > MODIFIER_GAP || hasBreak(text, m.end, start)) break;
      start = m.start;
    }
    picked.push(start === cue.start ? cue : { ...cue, text: text.slice(start, cue.end), start });
  }
  if (picked.length === 0) return undefined;
  picked.sort((a, b) => Math.abs(b.weight ?? 0) - Math.abs(a.weight ?? 0) || a.start - b.start);
  return picked.slice(0, MAX_FEELING_EVIDENCE);
}

const MODIFIER_KINDS: ReadonlySet<string> = new Set(['negation', 'intensifier', 'dampener']);

/** A clause or sentence break between a modifier and a word: then it modified something else. */
function hasBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2c || c === 0xff0c || c === 0x3002 || c === 0x2e || c === 0x0a || c === 0x3b || c === 0xff1b || c === 0x21 || c === 0x3f || c === 0xff01 || c === 0xff1f) return true;
  }
  return false;
}
