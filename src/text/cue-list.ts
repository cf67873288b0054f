import type { Evidence } from '../core/types.js';
import type { CueKind } from './cue-kinds.js';

/**
 * The cues of one text, in text order, each with offsets into the caller's
 * string and the text it covers. Plain functions over the array: the scan
 * keeps one list and no wrapper object.
 */

/** Appends a cue: the scanner meets words left to right, so a cue for the current word goes last. Returns it (a later rule may reread it). */
export function pushCue(cues: Evidence[], text: string, start: number, end: number, kind: CueKind, weight: number): Evidence {
  const cue = { text: text.slice(start, end), start, end, kind, weight };
  cues.push(cue);
  return cue;
}

/**
 * Adds a modifier's cue in text order. A modifier is shown only once a later
 * word uses it, and cues may lie between the two by then: in 不是很好 the
 * feeling 好 takes 很's cue, then 不是's, which goes before it.
 */
export function insertCue(cues: Evidence[], text: string, start: number, end: number, kind: CueKind, weight: number): void {
  const cue = { text: text.slice(start, end), start, end, kind, weight };
  let at = cues.length;
  while (at > 0 && (cues[at - 1] as Evidence).start > start) at--;
  if (at === cues.length) cues.push(cue);
  else cues.splice(at, 0, cue);
}

/** Cue weights and the intensity are reported to three decimals. */
export function roundWeight(x: number): number {
  return Math.round(x * 1000) / 1000;
}
