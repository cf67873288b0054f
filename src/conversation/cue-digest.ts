import type { Evidence } from '../core/types.js';
import { MAX_EVIDENCE, MAX_FEELING_EVIDENCE } from '../core/evidence-limits.js';
import { CUE_KINDS, INTENSITY_CUE_KINDS, PROBLEM_CUE_KINDS } from '../text/cue-kinds.js';
import { STATISTICAL_WORDS } from '../text/statistical-words.js';
import { EvidenceList } from './evidence-list.js';
import { DigestLists } from './digest-lists.js';
import { kindIndex } from './cue-kind-index.js';

/** A modifier this close before the word it modified is quoted with it (不满意 → 很不满意, "not happy"). */
const MODIFIER_GAP = 3;
const MODIFIER_KINDS: ReadonlySet<string> = new Set(['negation', 'intensifier', 'dampener']);

/**
 * Kind sets the features quote as one list (intensity, problems): their
 * first MAX_EVIDENCE cues are kept as the cues arrive, in text order, so
 * asking for them merges, sorts and copies nothing.
 */
const EVIDENCE_GROUPS: readonly ReadonlySet<string>[] = [INTENSITY_CUE_KINDS, PROBLEM_CUE_KINDS];

/** What a cue's kind means to the digest, as bits looked up once per cue. Named problems and feeling words with a weight: quoted as what moved the mood. */
const PROBLEM = 1;
const MOOD = 2;
const MODIFIER = 4;
/** Bit of EVIDENCE_GROUPS[g]: GROUP << g. */
const GROUP = 8;

/** Every cue kind's bits, by its place in CUE_KINDS (see kindIndex); a kind not listed there has none and goes to a map. */
const KIND_BITS: readonly number[] = CUE_KINDS.map((kind) => {
  let bits = (PROBLEM_CUE_KINDS.has(kind) ? PROBLEM | MOOD : 0) | (kind === 'negative' || kind === 'positive' || kind === 'emoji' ? MOOD : 0) | (MODIFIER_KINDS.has(kind) ? MODIFIER : 0);
  EVIDENCE_GROUPS.forEach((group, g) => (bits |= group.has(kind) ? GROUP << g : 0));
  return bits;
});

function bitsOf(kind: string): number {
  const index = kindIndex(kind);
  return index < 0 ? 0 : (KIND_BITS[index] as number);
}

/**
 * What scoring needs from the cues of a text, kept as the text is read, in
 * bounded memory however long it is: how many problems were named, the first
 * MAX_EVIDENCE cues of each kind and of each evidence group (evidence is the
 * first few in text order), and the few strongest words that moved the mood
 * each way (with the modifier that shaped them). A transcript adds each
 * customer turn as it comes, so a live session's turn costs that turn's
 * cues, not the session's, and a line of 16 MiB holds a few hundred cues,
 * not millions. The lists are handed out as results' evidence as they are
 * (see EvidenceList): a later turn copies a list before it changes it.
 */
export class CueDigest {
  /** Named problems (送错, charged twice), every one counted. */
  problemCount = 0;
  /**
   * The sorted lists, made on the first settle: a text scored for its probability alone, or quoted from its
   * one piece, never needs them, and a scorer's digest (reset for every string it scores) is then five fields.
   */
  private lists: DigestLists | undefined;

  /** The latest piece's cues, not yet sorted into the lists: probability() asks for none of them. */
  private pending: readonly Evidence[] | undefined;
  private pendingPiece = '';
  private pendingOffset = 0;

  /**
   * Empties the digest, as a new one: a scorer reads each plain string into the one digest it keeps, which
   * hands out no array of its own for one piece (see onePieceOnly), so no earlier result can see the change.
   */
  reset(): void {
    this.problemCount = 0;
    this.lists = undefined;
    this.pending = undefined;
    this.pendingPiece = '';
    this.pendingOffset = 0;
  }

  /**
   * Adds the cues of one piece of customer text (a string, or one customer
   * turn) in text order; `offset` is where the piece starts in the customer
   * text the evidence points into. Problems are counted at once; the cues
   * go into the evidence lists when evidence is first asked for or the next
   * piece comes, so a score that builds no explanation never sorts them and
   * memory stays one piece's cues beyond the bounded lists.
   */
  add(cues: readonly Evidence[], piece: string, offset: number): void {
    this.settle();
    for (let i = 0; i < cues.length; i++) if ((bitsOf((cues[i] as Evidence).kind) & PROBLEM) !== 0) this.problemCount++;
    this.pending = cues;
    this.pendingPiece = piece;
    this.pendingOffset = offset;
  }

  /** Sorts the pending piece's cues into the lists. */
  private settle(): void {
    const cues = this.pending;
    if (cues === undefined) return;
    this.pending = undefined;
    const piece = this.pendingPiece;
    const offset = this.pendingOffset;
    const lists = (this.lists ??= new DigestLists());
    const { byKind, byGroup } = lists;
    for (let i = 0; i < cues.length; i++) {
      const cue = cues[i] as Evidence;
      const order = lists.order++;
      const kind = cue.kind;
      const index = kindIndex(kind);
      const bits = index < 0 ? 0 : (KIND_BITS[index] as number);
      const placed = offset === 0 ? cue : moved(cue, offset);
      const kept = index < 0 ? lists.otherKind(kind) : (byKind[index] ??= new EvidenceList());
      if (kept.length < MAX_EVIDENCE) kept.push(placed, order);
      if (bits >= GROUP) {
        for (let g = 0; g < EVIDENCE_GROUPS.length; g++) {
          if ((bits & (GROUP << g)) === 0) continue;
          const group = (byGroup[g] ??= new EvidenceList());
          if (group.length < MAX_EVIDENCE) group.push(placed, order);
        }
      }
      if (!quotedAsFeeling(cue, bits)) continue;
      const feeling = withModifiers(cues, i, piece);
      const list = (cue.weight as number) < 0 ? (lists.unhappy ??= new EvidenceList()) : (lists.happy ??= new EvidenceList());
      keepStrongest(list, feeling === cue ? placed : moved(feeling, offset), order);
    }
  }

  /**
   * Whether the digest holds one piece only, at offset 0, not yet sorted
   * into the lists (a plain string, or a session's first turn): evidence is
   * then picked from that piece's cues as asked, and the lists are only
   * built if another piece comes. The spans are the same cue objects the
   * lists would hold, in fresh arrays.
   */
  private onePieceOnly(): boolean {
    return this.pending !== undefined && this.lists === undefined && this.pendingOffset === 0;
  }

  /** The first MAX_EVIDENCE cues of the given kinds (one kind, or a set), in text order. */
  cuesOfKinds(kinds: ReadonlySet<string> | string): Evidence[] | undefined {
    if (this.onePieceOnly()) return firstOfKinds(this.pending as readonly Evidence[], kinds, groupBit(kinds));
    this.settle();
    if (typeof kinds === 'string') {
      const index = kindIndex(kinds);
      return (index < 0 ? this.lists?.otherKinds?.get(kinds) : this.lists?.byKind[index])?.handOut();
    }
    const g = EVIDENCE_GROUPS.indexOf(kinds);
    if (g >= 0) return this.lists?.byGroup[g]?.handOut();
    if (this.lists === undefined) return undefined;
    // A set no feature of ours asks for: merged from the kinds' own lists.
    let merged: { cue: Evidence; order: number }[] | undefined;
    for (const [kind, kept] of this.lists.kindLists()) if (kinds.has(kind)) (merged ??= []).push(...kept.entries());
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
    if (sign !== 0 && this.onePieceOnly()) return strongestFeelings(this.pending as readonly Evidence[], this.pendingPiece, sign);
    this.settle();
    const list = sign < 0 ? this.lists?.unhappy : sign > 0 ? this.lists?.happy : undefined;
    return list === undefined ? undefined : list.handOut();
  }
}

/**
 * The first MAX_EVIDENCE of `cues` of the given kinds (undefined when none), as the kind and group lists keep them.
 * Counted first, then copied into an array of that size: pushing onto `[]` gives a backing store of 17 slots
 * (176 B for the usual one to five spans), which was a tenth of what score() allocated outside the text scan.
 */
function firstOfKinds(cues: readonly Evidence[], kinds: ReadonlySet<string> | string, group: number): Evidence[] | undefined {
  let n = 0;
  let last = 0;
  for (let i = 0; i < cues.length && n < MAX_EVIDENCE; i++) {
    if (isOfKinds(cues[i] as Evidence, kinds, group)) {
      n++;
      last = i;
    }
  }
  if (n === 0) return undefined;
  const out: Evidence[] = new Array(n);
  for (let i = 0, k = 0; i <= last; i++) {
    const cue = cues[i] as Evidence;
    if (isOfKinds(cue, kinds, group)) out[k++] = cue;
  }
  return out;
}

/** The bit of the evidence group `kinds` is (see EVIDENCE_GROUPS), or 0 for one kind or another set. */
function groupBit(kinds: ReadonlySet<string> | string): number {
  const g = typeof kinds === 'string' ? -1 : EVIDENCE_GROUPS.indexOf(kinds);
  return g < 0 ? 0 : GROUP << g;
}

/** Whether `cue` is of `kinds`, by its kind's bits when they are a group (`group`, not 0). */
function isOfKinds(cue: Evidence, kinds: ReadonlySet<string> | string, group: number): boolean {
  if (group !== 0) return (bitsOf(cue.kind) & group) !== 0;
  return typeof kinds === 'string' ? cue.kind === kinds : kinds.has(cue.kind);
}

/**
 * The strongest feeling cues one way (`sign`), as settle() keeps them in the happy or unhappy list. The
 * MAX_FEELING_EVIDENCE (three) strongest are held in three variables and the array is made at the end at its
 * size: an EvidenceList here (the list, its two growing arrays) was ~400 B of every score() of a string. Ties go
 * as keepStrongest() puts them: a cue's order is its index, later than every one kept, so an equal one goes after.
 */
function strongestFeelings(cues: readonly Evidence[], piece: string, sign: number): Evidence[] | undefined {
  let a: Evidence | undefined;
  let b: Evidence | undefined;
  let c: Evidence | undefined;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i] as Evidence;
    // As settle() sorts them: below 0 unhappy, else happy.
    if (!quotedAsFeeling(cue, bitsOf(cue.kind)) || (cue.weight as number) < 0 !== sign < 0) continue;
    const feeling = withModifiers(cues, i, piece);
    if (a === undefined || strongerThanKept(feeling, a)) {
      c = b;
      b = a;
      a = feeling;
    } else if (b === undefined || strongerThanKept(feeling, b)) {
      c = b;
      b = feeling;
    } else if (c === undefined || strongerThanKept(feeling, c)) c = feeling;
  }
  return a === undefined ? undefined : b === undefined ? [a] : c === undefined ? [a, b] : [a, b, c];
}

/** Whether `cue`, met after `kept`, goes before it: stronger() with the later order for `cue`. */
function strongerThanKept(cue: Evidence, kept: Evidence): boolean {
  return stronger(cue, 1, kept, 0);
}

/**
 * Whether a cue (with its kind's bits) is quoted as what moved the mood: a
 * named problem or feeling word with a weight other than 0. A mined word
 * ("reply", "days") moves the mood on average but says nothing unhappy by
 * itself: not quoted.
 */
function quotedAsFeeling(cue: Evidence, bits: number): boolean {
  const weight = cue.weight ?? 0;
  if ((bits & MOOD) === 0 || !(weight !== 0)) return false;
  return !(cue.kind === 'negative' && isStatisticalWord(cue.text));
}

/**
 * STATISTICAL_WORDS.has(text.toLowerCase()), without lower-casing a
 * Chinese word: the mined words are ASCII, and the only other character
 * whose lower case is ASCII is the Kelvin sign (K → k). Lower-casing a
 * two-byte string goes to V8's runtime, which cost more than the rest of
 * a cue's bookkeeping.
 */
function isStatisticalWord(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80 && c !== 0x212a) return false;
  }
  return STATISTICAL_WORDS.has(text.toLowerCase());
}

function moved(cue: Evidence, offset: number): Evidence {
  return offset === 0 ? cue : { ...cue, start: cue.start + offset, end: cue.end + offset };
}

/** Whether `a` goes before `b` among the strongest: larger |weight|, then earlier start, then earlier cue. */
function stronger(a: Evidence, aOrder: number, b: Evidence, bOrder: number): boolean {
  const d = Math.abs(b.weight ?? 0) - Math.abs(a.weight ?? 0);
  return d !== 0 ? d < 0 : a.start !== b.start ? a.start < b.start : aOrder < bOrder;
}

/** Strongest first, ties in text order; at most MAX_FEELING_EVIDENCE kept. */
function keepStrongest(list: EvidenceList, cue: Evidence, order: number): void {
  let at = list.length;
  while (at > 0 && stronger(cue, order, list.cueAt(at - 1), list.orderAt(at - 1))) at--;
  if (at >= MAX_FEELING_EVIDENCE) return;
  list.insert(at, cue, order, MAX_FEELING_EVIDENCE);
}

/** The feeling cue at `i`, widened to the negation or degree words right before it in the same clause. */
function withModifiers(cues: readonly Evidence[], i: number, text: string): Evidence {
  const cue = cues[i] as Evidence;
  let start = cue.start;
  for (let j = i - 1; j >= 0; j--) {
    const m = cues[j] as Evidence;
    if ((bitsOf(m.kind) & MODIFIER) === 0 || m.end > start || start - m.end > MODIFIER_GAP || hasBreak(text, m.end, start)) break;
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
