import type { Evidence } from '../core/types.js';
import { MAX_EVIDENCE, MAX_FEELING_EVIDENCE } from '../core/evidence-limits.js';
import { PROBLEM_CUE_KINDS } from '../text/cue-kinds.js';
import { STATISTICAL_WORDS } from '../text/statistical-words.js';

/** A modifier this close before the word it modified is quoted with it (不满意 → 很不满意, "not happy"). */
const MODIFIER_GAP = 3;
const MODIFIER_KINDS: ReadonlySet<string> = new Set(['negation', 'intensifier', 'dampener']);

/** A cue kept as evidence, with its place in the whole text's cue order. */
interface Kept {
  readonly cue: Evidence;
  readonly order: number;
}

/**
 * What scoring needs from the cues of a text, kept as the text is read, in
 * bounded memory however long it is: how many problems were named, the first
 * MAX_EVIDENCE cues of each kind (evidence is the first few in text order),
 * and the few strongest words that moved the mood each way (with the
 * modifier that shaped them). A transcript adds each customer turn as it
 * comes, so a live session's turn costs that turn's cues, not the session's,
 * and a line of 16 MiB holds a few hundred cues, not millions.
 */
export class CueDigest {
  /** Named problems (送错, charged twice), every one counted. */
  problemCount = 0;
  private order = 0;
  private readonly firstOfKind = new Map<string, Kept[]>();
  private readonly unhappy: Kept[] = [];
  private readonly happy: Kept[] = [];

  /**
   * Adds the cues of one piece of customer text (a string, or one customer
   * turn) in text order; `offset` is where the piece starts in the customer
   * text the evidence points into.
   */
  add(cues: readonly Evidence[], piece: string, offset: number): void {
    for (let i = 0; i < cues.length; i++) {
      const cue = cues[i] as Evidence;
      const order = this.order++;
      const problem = PROBLEM_CUE_KINDS.has(cue.kind);
      if (problem) this.problemCount++;
      let kept = this.firstOfKind.get(cue.kind);
      if (kept === undefined) this.firstOfKind.set(cue.kind, (kept = []));
      if (kept.length < MAX_EVIDENCE) kept.push({ cue: moved(cue, offset), order });
      const weight = cue.weight ?? 0;
      if (!(problem || cue.kind === 'negative' || cue.kind === 'positive' || cue.kind === 'emoji') || !(weight !== 0)) continue;
      // A mined word ("reply", "days") moves the mood on average but says nothing unhappy by itself: not quoted.
      if (cue.kind === 'negative' && STATISTICAL_WORDS.has(cue.text.toLowerCase())) continue;
      keepStrongest(weight < 0 ? this.unhappy : this.happy, { cue: moved(withModifiers(cues, i, piece), offset), order });
    }
  }

  /** The first MAX_EVIDENCE cues of the given kinds (one kind, or a set), in text order. */
  cuesOfKinds(kinds: ReadonlySet<string> | string): Evidence[] | undefined {
    if (typeof kinds === 'string') {
      const kept = this.firstOfKind.get(kinds);
      return kept === undefined ? undefined : kept.map((k) => k.cue);
    }
    let merged: Kept[] | undefined;
    for (const [kind, kept] of this.firstOfKind) if (kinds.has(kind)) merged = merged === undefined ? kept.slice() : merged.concat(kept);
    if (merged === undefined) return undefined;
    merged.sort((a, b) => a.order - b.order);
    return merged.slice(0, MAX_EVIDENCE).map((k) => k.cue);
  }

  /**
   * The words that moved the sentiment the way it went (`sign` < 0: the
   * negative words, negated positives and named problems; > 0: the positive
   * ones), strongest first. Negation and degree markers are quoted only
   * together with the word they modified; contrast markers never.
   */
  feelingEvidence(sign: number): Evidence[] | undefined {
    const list = sign < 0 ? this.unhappy : sign > 0 ? this.happy : [];
    return list.length === 0 ? undefined : list.map((k) => k.cue);
  }
}

function moved(cue: Evidence, offset: number): Evidence {
  return offset === 0 ? cue : { ...cue, start: cue.start + offset, end: cue.end + offset };
}

/** Strongest first, ties in text order; at most MAX_FEELING_EVIDENCE kept. */
function keepStrongest(list: Kept[], item: Kept): void {
  const before = (a: Kept, b: Kept): boolean => {
    const d = Math.abs(b.cue.weight ?? 0) - Math.abs(a.cue.weight ?? 0);
    return d !== 0 ? d < 0 : a.cue.start !== b.cue.start ? a.cue.start < b.cue.start : a.order < b.order;
  };
  let at = list.length;
  while (at > 0 && before(item, list[at - 1] as Kept)) at--;
  if (at >= MAX_FEELING_EVIDENCE) return;
  list.splice(at, 0, item);
  if (list.length > MAX_FEELING_EVIDENCE) list.pop();
}

/** The feeling cue at `i`, widened to the negation or degree words right before it in the same clause. */
function withModifiers(cues: readonly Evidence[], i: number, text: string): Evidence {
  const cue = cues[i] as Evidence;
  let start = cue.start;
  for (let j = i - 1; j >= 0; j--) {
    const m = cues[j] as Evidence;
    if (!MODIFIER_KINDS.has(m.kind) || m.end > start || start - m.end > MODIFIER_GAP || hasBreak(text, m.end, start)) break;
    start = m.start;
  }
  return start === cue.start ? cue : { ...cue, text: text.slice(start, cue.end), start };
}

/** A clause or sentence break between a modifier and a word: then it modified something else. */
function hasBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2c || c === 0xff0c || c === 0x3002 || c === 0x2e || c === 0x0a || c === 0x3b || c === 0xff1b || c === 0x21 || c === 0x3f || c === 0xff01 || c === 0xff1f) return true;
  }
  return false;
}
