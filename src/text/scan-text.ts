import type { CueKind } from '../core/cue-kinds.js';
import type { Evidence, TextAnalysis, TextLanguage } from '../core/types.js';
import { LIMITS } from '../core/limits.js';
import { CHAR_CLAUSE, CHAR_HAN, CHAR_MARK, CHAR_SENTENCE, CHAR_SPACE, CHAR_WORD, CLASS, FOLD } from './char-fold.js';
import type { CompiledLexicon } from './compiled-lexicon.js';
import type { TokenObserver } from './terms/token-reader.js';
import {
  ENTRY_BLOCK,
  ENTRY_CONCESSION,
  ENTRY_CONTRAST,
  ENTRY_DAMPENER,
  ENTRY_EMOJI,
  ENTRY_FEELING,
  ENTRY_INTENSIFIER,
  ENTRY_INTENT,
  ENTRY_NEGATION,
  ENTRY_PROBLEM_BASE,
  problemKind,
} from './entry-kind.js';
import { continueMatch, longestMatch, matchEntry, matchLength, startsEntry } from './lexicon-trie.js';
import { HASH_SEED, findWord, hashStep } from './word-table.js';

/** VADER's factor for a negated feeling; a negated negative word turns only half as far. */
const NEGATION_SCALAR = -0.74;
/** Words (or unmatched Chinese characters) a negation reaches forward: 不是很满意, "don't think it's good". */
const NEGATION_SCOPE = 4;
/** A negation this close to a problem or intent phrase cancels it (没有延误, 不会投诉). */
const PROBLEM_NEGATION_SCOPE = 1;
const INTENT_NEGATION_SCOPE = 3;
const DEGREE_SCOPE = 2;
/** "But": what came before in the sentence weighs half, what follows one and a half. */
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** A conceded clause (虽然房间小，…; although it was late, …) weighs half. */
const CONCESSION = 0.5;
/** VADER's emphasis: each ! (up to 4) and a ?? run push the score further from zero. */
const EXCLAMATION_EMPHASIS = 0.292;
const QUESTION_EMPHASIS = 0.18;
const CAPS_EMPHASIS = 0.733;
/** VADER's normalisation constant: sum / sqrt(sum² + α). */
const NORMALIZE_ALPHA = 15;
const REPEAT_INTENSITY = 0.8;
const CAPS_INTENSITY = 0.8;

/**
 * One left-to-right pass over the raw string. At each position the longest
 * lexicon entry (built-in or the analyzer's own, the longer wins, the custom
 * one on a tie) is taken; English entries start only at word starts; runs
 * of ! and ? and sentence and clause breaks are read in the same pass.
 * Every cue's offsets point into `text` itself.
 */
export function scanText(text: string, builtin: CompiledLexicon, custom: CompiledLexicon | undefined, observer?: TokenObserver): TextAnalysis {
  let limit = text.length;
  const truncated = limit > LIMITS.maxTextChars;
  if (truncated) {
    limit = LIMITS.maxTextChars;
    // Never split a surrogate pair at the cap.
    const last = text.charCodeAt(limit - 1);
    if (last >= 0xd800 && last <= 0xdbff) limit--;
  }
  const s = new ScanState(text);
  let i = 0;
  while (i < limit) {
    const code = text.charCodeAt(i);
    const folded = FOLD[code] as number;
    const cls = CLASS[folded] as number;
    if (cls === CHAR_MARK) {
      i = s.markRun(i, limit);
      continue;
    }
    if (cls === CHAR_SENTENCE) {
      s.endSentence();
      i++;
      continue;
    }
    if (cls === CHAR_CLAUSE) {
      s.endClause();
      i++;
      continue;
    }
    if (cls === CHAR_SPACE) {
      i++;
      continue;
    }
    if (folded === 0x40 || folded === 0x26 || (folded === 0x68 && cls === CHAR_WORD)) {
      // @handles, &amp; entities and URLs are addresses, not words: @FC_Help is no "help".
      const skip = skipAddress(text, i, limit, folded);
      if (skip > i) {
        i = skip;
        continue;
      }
    }
    let best = -1;
    let lexicon = builtin;
    let tokenEnd = -1;
    if (cls === CHAR_WORD && folded >= 0x61) {
      // An English word: find its end and hash it in one pass; a phrase it starts continues in the trie from its node.
      let h = HASH_SEED;
      let j = i;
      while (j < limit) {
        const c = text.charCodeAt(j);
        const f = FOLD[c] as number;
        if (CLASS[f] === CHAR_WORD) {
          if (c >= 0x61 && c <= 0x7a) s.lowerLetters = true;
        } else if (!(f === 0x27 && j + 1 < limit && CLASS[FOLD[text.charCodeAt(j + 1)] as number] === CHAR_WORD)) break;
        h = hashStep(h, f);
        j++;
      }
      tokenEnd = j;
      best = wordMatch(builtin, h, text, i, j, limit);
      if (custom !== undefined) {
        const own = wordMatch(custom, h, text, i, j, limit);
        if (own >= 0 && (best < 0 || matchLength(own) >= matchLength(best))) {
          best = own;
          lexicon = custom;
        }
      }
    }
    if (tokenEnd < 0) {
      best = startsEntry(builtin.trie, folded) ? longestMatch(builtin.trie, text, i, limit) : -1;
      if (custom !== undefined && startsEntry(custom.trie, folded)) {
        const own = longestMatch(custom.trie, text, i, limit);
        if (own >= 0 && (best < 0 || matchLength(own) >= matchLength(best))) {
          best = own;
          lexicon = custom;
        }
      }
    }
    if (best >= 0) {
      const end = i + matchLength(best);
      if (cls === CHAR_HAN) {
        s.han++;
        // A modifier must not swallow the start of a longer content word: 还没|人理 is 还 + 没人理.
        const code = lexicon.codes[matchEntry(best)] as number;
        if (
          end - i >= 2 &&
          (code === ENTRY_NEGATION || code === ENTRY_INTENSIFIER || code === ENTRY_DAMPENER) &&
          !startsContent(builtin, text, end, limit) &&
          (custom === undefined || !startsContent(custom, text, end, limit))
        ) {
          const k = contentInside(text, i + 1, end, limit, builtin, custom);
          if (k > 0) {
            s.unit++;
            i = k;
            continue;
          }
        }
      } else if (cls === CHAR_WORD && folded >= 0x61) s.words++;
      s.entry(lexicon, matchEntry(best), lexicon === custom ? matchEntry(best) + 0x100000 : matchEntry(best), i, end);
      i = end;
      continue;
    }
    if (cls === CHAR_WORD) {
      i = tokenEnd >= 0 ? s.unknownToken(i, tokenEnd) : s.unknownWord(i, limit);
      continue;
    }
    if (cls === CHAR_HAN) {
      s.han++;
      s.unit++;
    }
    i++;
  }
  return s.finish(truncated);
}

const WORD_OR_UNDERSCORE = (c: number): boolean => CLASS[c] === CHAR_WORD || c === 0x5f;

/**
 * End of an address starting at `i` (an @handle, an &entity; or an http(s)://
 * URL), or `i` when there is none. Addresses are skipped whole.
 */
function skipAddress(text: string, i: number, limit: number, folded: number): number {
  if (folded === 0x40) {
    if (i > 0 && WORD_OR_UNDERSCORE(FOLD[text.charCodeAt(i - 1)] as number)) return i; // an e-mail address's @
    let j = i + 1;
    while (j < limit && WORD_OR_UNDERSCORE(FOLD[text.charCodeAt(j)] as number)) j++;
    return j > i + 1 ? j : i;
  }
  if (folded === 0x26) {
    let j = i + 1;
    while (j < limit && j - i <= 7 && CLASS[FOLD[text.charCodeAt(j)] as number] === CHAR_WORD) j++;
    return j > i + 1 && j < limit && text.charCodeAt(j) === 0x3b ? j + 1 : i;
  }
  // http:// or https:// at a word start: skip to the next blank.
  if (i > 0 && CLASS[FOLD[text.charCodeAt(i - 1)] as number] === CHAR_WORD) return i;
  if (!(text.startsWith('http://', i) || text.startsWith('https://', i))) return i;
  let j = i;
  while (j < limit && CLASS[FOLD[text.charCodeAt(j)] as number] !== CHAR_SPACE && text.charCodeAt(j) !== 0x0a) j++;
  return j;
}

/** Longest entry at an English word (hash `h`, text[start, end)): the word itself, or a phrase it starts. */
function wordMatch(lexicon: CompiledLexicon, h: number, text: string, start: number, end: number, limit: number): number {
  const words = lexicon.words;
  const slot = findWord(words, h, text, start, end);
  if (slot < 0) return -1;
  const entry = words.entries[slot] as number;
  let best = entry >= 0 ? ((end - start) << 20) | entry : -1;
  const node = words.phraseNode[slot] as number;
  if (node > 0) {
    const phrase = continueMatch(lexicon.trie, text, node, start, end, limit);
    if (phrase > best) best = phrase;
  }
  return best;
}

/** First position in [from, end) where a feeling, intent or problem entry starts and runs past `end`, or -1. */
function contentInside(text: string, from: number, end: number, limit: number, builtin: CompiledLexicon, custom: CompiledLexicon | undefined): number {
  for (let k = from; k < end; k++) {
    if (runsPast(builtin, text, k, end, limit) || (custom !== undefined && runsPast(custom, text, k, end, limit))) return k;
  }
  return -1;
}

/** True when a feeling, intent or problem entry starts at `at` (then the modifier before it keeps its span: 不是很|好). */
function startsContent(lexicon: CompiledLexicon, text: string, at: number, limit: number): boolean {
  if (at >= limit || !startsEntry(lexicon.trie, FOLD[text.charCodeAt(at)] as number)) return false;
  const m = longestMatch(lexicon.trie, text, at, limit);
  return m >= 0 && isContent(lexicon, matchEntry(m));
}

function isContent(lexicon: CompiledLexicon, entry: number): boolean {
  const code = lexicon.codes[entry] as number;
  return code === ENTRY_FEELING || code === ENTRY_INTENT || code >= ENTRY_PROBLEM_BASE;
}

function runsPast(lexicon: CompiledLexicon, text: string, k: number, end: number, limit: number): boolean {
  const m = longestMatch(lexicon.trie, text, k, limit);
  return m >= 0 && k + matchLength(m) > end && isContent(lexicon, matchEntry(m));
}

class ScanState {
  readonly cues: Evidence[] = [];
  han = 0;
  words = 0;
  lowerLetters = false;
  /** Position counter for scopes: one per word or Chinese character or entry. */
  unit = 0;
  private done = 0;
  private sentence = 0;
  private boost = 1;
  private concession = 1;
  private negation = 0;
  private negationUnit = -100;
  private negationStart = 0;
  private negationEnd = 0;
  private negationShown = false;
  private degree = 1;
  private degreeUnit = -100;
  private degreeStart = 0;
  private degreeEnd = 0;
  private degreeKind: CueKind = 'intensifier';
  private exclamations = 0;
  private questions = 0;
  private capsValence = 0;
  private capsCues = 0;
  private intensity = 0;
  private intentMiss = 1;
  private recent0 = -1;
  private recent1 = -1;
  private recent2 = -1;
  private recent3 = -1;

  constructor(private readonly text: string) {}

  markRun(start: number, limit: number): number {
    let j = start;
    let bangs = 0;
    while (j < limit) {
      const f = FOLD[this.text.charCodeAt(j)] as number;
      if (CLASS[f] !== CHAR_MARK) break;
      if (f === 0x21) bangs++;
      j++;
    }
    const run = j - start;
    this.exclamations += bangs;
    this.questions += run - bangs;
    if (run >= 2) {
      const added = Math.min(1.6, 0.4 * (run - 1));
      this.intensity += added;
      this.push(start, j, 'punctuation', added);
    }
    this.endSentence();
    return j;
  }

  endSentence(): void {
    this.done += this.sentence;
    this.sentence = 0;
    this.boost = 1;
    this.endClause();
  }

  endClause(): void {
    this.concession = 1;
    this.negationUnit = -100;
    this.degreeUnit = -100;
    this.degree = 1;
  }

  /** An English word already read to its end that no entry starts with: note n't (shouldn't, wasn't). */
  unknownToken(start: number, end: number): number {
    const text = this.text;
    this.words++;
    if (end - start >= 4 && FOLD[text.charCodeAt(end - 1)] === 0x74 && FOLD[text.charCodeAt(end - 2)] === 0x27 && FOLD[text.charCodeAt(end - 3)] === 0x6e) {
      this.setNegation(1, start, end);
    } else this.unit++;
    return end;
  }

  /** A word starting with a digit that no entry starts with: skip it whole. */
  unknownWord(start: number, limit: number): number {
    const text = this.text;
    let j = start;
    while (j < limit) {
      const f = FOLD[text.charCodeAt(j)] as number;
      if (CLASS[f] === CHAR_WORD) {
        if (!this.lowerLetters && f >= 0x61 && f <= 0x7a && text.charCodeAt(j) === f) this.lowerLetters = true;
        j++;
      } else if (f === 0x27 && j + 1 < limit && CLASS[FOLD[text.charCodeAt(j + 1)] as number] === CHAR_WORD) j++;
      else break;
    }
    if ((FOLD[text.charCodeAt(start)] as number) >= 0x61) this.words++;
    if (j - start >= 4 && FOLD[text.charCodeAt(j - 1)] === 0x74 && FOLD[text.charCodeAt(j - 2)] === 0x27 && FOLD[text.charCodeAt(j - 3)] === 0x6e) {
      this.setNegation(1, start, j);
    } else this.unit++;
    return j;
  }

  entry(lexicon: CompiledLexicon, entry: number, id: number, start: number, end: number): void {
    const code = lexicon.codes[entry] as number;
    const weight = lexicon.weights[entry] as number;
    switch (code) {
      case ENTRY_NEGATION:
        this.setNegation(weight, start, end);
        return;
      case ENTRY_INTENSIFIER:
      case ENTRY_DAMPENER:
        // Degree words stack (非常非常, "really very") up to a bound.
        this.degree = this.unit - this.degreeUnit <= DEGREE_SCOPE ? Math.min(3, Math.max(0.3, this.degree * weight)) : weight;
        if (this.degreeUnit < this.unit - DEGREE_SCOPE) this.degreeStart = start;
        this.degreeUnit = this.unit;
        this.degreeEnd = end;
        this.degreeKind = code === ENTRY_INTENSIFIER ? 'intensifier' : 'dampener';
        this.unit++;
        return;
      case ENTRY_CONTRAST:
        this.sentence *= BEFORE_CONTRAST;
        this.boost = AFTER_CONTRAST;
        this.push(start, end, 'contrast', AFTER_CONTRAST);
        this.unit++;
        return;
      case ENTRY_BLOCK:
        this.unit++;
        return;
      case ENTRY_CONCESSION:
        this.concession = CONCESSION;
        this.unit++;
        return;
    }
    // English words note their case while the scanner reads them; only entries starting with a symbol (#fail) need a look.
    if (this.text.charCodeAt(start) < 0x80 && CLASS[FOLD[this.text.charCodeAt(start)] as number] !== CHAR_WORD) this.noteLowerCase(start, end);
    const repeated = id === this.recent0 || id === this.recent1 || id === this.recent2 || id === this.recent3;
    this.recent3 = this.recent2;
    this.recent2 = this.recent1;
    this.recent1 = this.recent0;
    this.recent0 = id;
    const valence = lexicon.valences[entry] as number;
    if (code === ENTRY_FEELING || code === ENTRY_EMOJI) this.feeling(valence, code === ENTRY_EMOJI, start, end);
    else if (code === ENTRY_INTENT) this.intent(weight, valence, start, end);
    else if (code >= ENTRY_PROBLEM_BASE) this.problem(valence, problemKind(code), start, end);
    if (repeated) {
      this.intensity += REPEAT_INTENSITY;
      this.push(start, end, 'repetition', REPEAT_INTENSITY);
    }
    this.unit++;
  }

  private feeling(base: number, emoji: boolean, start: number, end: number): void {
    let v = base * this.takeDegree();
    if (!emoji && this.negated(NEGATION_SCOPE)) {
      // A negated positive turns negative. A negative right after its negation (不差, not bad) turns mildly
      // positive; further away the negation more likely belongs to another word (想象不到的脏乱差), so it only softens.
      v = v > 0 ? v * this.negation : this.unit - this.negationUnit <= 1 ? v * this.negation * 0.5 : v * 0.5;
    }
    v *= this.boost * this.concession;
    const caps = !emoji && end - start >= 2 && this.text.charCodeAt(start) < 0x80 && this.allCaps(start, end);
    if (caps) {
      const extra = v > 0 ? CAPS_EMPHASIS : v < 0 ? -CAPS_EMPHASIS : 0;
      v += extra;
      this.capsValence += extra;
    }
    this.sentence += v;
    if (emoji) this.intensity += Math.abs(v) / 4;
    this.push(start, end, emoji ? 'emoji' : v >= 0 ? 'positive' : 'negative', round(v));
    if (caps) {
      this.capsCues++;
      this.intensity += CAPS_INTENSITY;
      this.push(start, end, 'caps', CAPS_INTENSITY);
    }
  }

  private intent(strength: number, valence: number, start: number, end: number): void {
    let s = strength;
    let v = valence;
    if (this.negated(INTENT_NEGATION_SCOPE)) {
      s *= 1 + this.negation;
      v = 0;
    }
    v *= this.takeDegree() * this.boost;
    this.sentence += v;
    this.intentMiss *= 1 - s;
    this.push(start, end, 'intent', round(s));
  }

  private problem(valence: number, kind: CueKind, start: number, end: number): void {
    if (this.negated(PROBLEM_NEGATION_SCOPE)) return;
    const v = valence * this.takeDegree() * this.boost * this.concession;
    this.sentence += v;
    this.push(start, end, kind, round(v));
  }

  private setNegation(weight: number, start: number, end: number): void {
    this.negation = NEGATION_SCALAR * weight;
    this.negationUnit = this.unit;
    this.negationStart = start;
    this.negationEnd = end;
    this.negationShown = false;
    this.unit++;
  }

  /** True when a negation reaches this word; shows the negation as a cue the first time it applies. */
  private negated(scope: number): boolean {
    if (this.unit - this.negationUnit > scope) return false;
    if (!this.negationShown) {
      this.negationShown = true;
      this.insert(this.negationStart, this.negationEnd, 'negation', round(this.negation));
    }
    return true;
  }

  /** The pending degree multiplier, consumed by the word it modifies (shown as a cue then). */
  private takeDegree(): number {
    if (this.unit - this.degreeUnit > DEGREE_SCOPE) return 1;
    const m = this.degree;
    this.degreeUnit = -100;
    this.degree = 1;
    if (m > 1) this.intensity += (m - 1) * 2;
    this.insert(this.degreeStart, this.degreeEnd, this.degreeKind, round(m));
    return m;
  }

  private allCaps(start: number, end: number): boolean {
    let letters = 0;
    for (let k = start; k < end; k++) {
      const c = this.text.charCodeAt(k);
      if (c >= 0x61 && c <= 0x7a) return false;
      if (c >= 0x41 && c <= 0x5a) letters++;
    }
    return letters >= 2;
  }

  private noteLowerCase(start: number, end: number): void {
    if (this.lowerLetters) return;
    for (let k = start; k < end; k++) {
      const c = this.text.charCodeAt(k);
      if (c >= 0x61 && c <= 0x7a) {
        this.lowerLetters = true;
        return;
      }
    }
  }

  private push(start: number, end: number, kind: CueKind, weight: number): void {
    this.cues.push({ text: this.text.slice(start, end), start, end, kind, weight });
  }

  /** A modifier is shown once it applies, which is after later cues may have been pushed: keep cues in text order. */
  private insert(start: number, end: number, kind: CueKind, weight: number): void {
    const cue = { text: this.text.slice(start, end), start, end, kind, weight };
    const cues = this.cues;
    let at = cues.length;
    while (at > 0 && (cues[at - 1] as Evidence).start > start) at--;
    if (at === cues.length) cues.push(cue);
    else cues.splice(at, 0, cue);
  }

  finish(truncated: boolean): TextAnalysis {
    let total = this.done + this.sentence;
    let cues = this.cues;
    // ALL CAPS only stands out against lower case: a text in capitals throughout gets no emphasis.
    if (this.capsCues > 0 && !this.lowerLetters) {
      total -= this.capsValence;
      this.intensity -= this.capsCues * CAPS_INTENSITY;
      cues = cues.filter((c) => c.kind !== 'caps');
    }
    if (total !== 0) {
      const emphasis = Math.min(this.exclamations, 4) * EXCLAMATION_EMPHASIS + (this.questions > 1 ? Math.min(this.questions * QUESTION_EMPHASIS, 0.96) : 0);
      total += total > 0 ? emphasis : -emphasis;
    }
    const sentiment = total / Math.sqrt(total * total + NORMALIZE_ALPHA);
    const language: TextLanguage = this.han > 0 ? (this.words >= 2 ? 'mixed' : 'zh') : this.words > 0 ? 'en' : 'none';
    return {
      language,
      sentiment: sentiment === 0 ? 0 : sentiment,
      intensity: this.intensity > 0 ? round(this.intensity) : 0,
      intent: 1 - this.intentMiss,
      cues,
      truncated,
    };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
