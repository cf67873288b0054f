import type { Evidence } from '../core/types.js';
import { CHAR_MARK, CHAR_WORD, CLASS, FOLD } from './char-fold.js';
import { pushCue } from './cue-list.js';
import { hasLowerCase, isAllCaps } from './word-chars.js';

const CAPS_EMPHASIS = 0.733;
const REPEAT_INTENSITY = 0.8;
const CAPS_INTENSITY = 0.8;

/**
 * How strongly a text says what it says: runs of ! and ?, words in ALL
 * CAPS (which stand out only against lower case elsewhere), the same entry
 * again within four, degree words and emoji. Holds the intensity and the
 * counts the VADER normalisation needs.
 */
export class Emphasis {
  exclamations = 0;
  questions = 0;
  intensity = 0;
  /** The valence caps added and the caps cues shown, taken back when the whole text is in capitals. */
  private capsValence = 0;
  private capsCues = 0;
  /** True once the text showed a lower-case letter, in a word the scan read or an entry starting with a symbol (#fail). */
  private lowerLetters = false;
  /** Ids of the last four content entries, for the repetition rule. */
  private recent0 = -1;
  private recent1 = -1;
  private recent2 = -1;
  private recent3 = -1;

  /** Back to a new instance's state, for the next text: one analyzer reuses its rules (sentiment-rules.ts). */
  reset(): void {
    this.exclamations = 0;
    this.questions = 0;
    this.intensity = 0;
    this.capsValence = 0;
    this.capsCues = 0;
    this.lowerLetters = false;
    this.recent0 = -1;
    this.recent1 = -1;
    this.recent2 = -1;
    this.recent3 = -1;
  }

  /** A run of ! and ? in `text` from `start`: counted, a cue from two on. Returns its end. */
  markRun(text: string, cues: Evidence[], start: number, limit: number): number {
    let j = start;
    let bangs = 0;
    while (j < limit) {
      const f = FOLD[text.charCodeAt(j)] as number;
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
      pushCue(cues, text, start, j, 'punctuation', added);
    }
    return j;
  }

  /** The scan read a word holding a lower-case letter. */
  lowerCase(): void {
    this.lowerLetters = true;
  }

  /** A content entry at text[start, end) with id `id`: notes its case (the scan notes words' case itself) and whether it repeats one of the last four. */
  content(text: string, id: number, start: number, end: number): boolean {
    const first = text.charCodeAt(start);
    if (!this.lowerLetters && first < 0x80 && CLASS[FOLD[first] as number] !== CHAR_WORD) this.lowerLetters = hasLowerCase(text, start, end);
    const repeated = id === this.recent0 || id === this.recent1 || id === this.recent2 || id === this.recent3;
    this.recent3 = this.recent2;
    this.recent2 = this.recent1;
    this.recent1 = this.recent0;
    this.recent0 = id;
    return repeated;
  }

  /** The entry just read repeats a recent one. */
  repetition(text: string, cues: Evidence[], start: number, end: number): void {
    this.intensity += REPEAT_INTENSITY;
    pushCue(cues, text, start, end, 'repetition', REPEAT_INTENSITY);
  }

  /** The valence ALL CAPS adds to a feeling word of valence `v` at text[start, end) (0 when it is not in caps). */
  capsExtra(text: string, start: number, end: number, v: number): number {
    if (end - start < 2 || text.charCodeAt(start) >= 0x80 || !isAllCaps(text, start, end)) return 0;
    const extra = v > 0 ? CAPS_EMPHASIS : v < 0 ? -CAPS_EMPHASIS : 0;
    this.capsValence += extra;
    return extra;
  }

  /** The caps cue of a word whose valence caps raised. */
  capsCue(text: string, cues: Evidence[], start: number, end: number): void {
    this.capsCues++;
    this.intensity += CAPS_INTENSITY;
    pushCue(cues, text, start, end, 'caps', CAPS_INTENSITY);
  }

  /** A later rule took back a feeling whose caps added `extra`. */
  takeBackCaps(extra: number): void {
    this.capsValence -= extra;
  }

  /** A degree multiplier `m` applied to a word. */
  degree(m: number): void {
    if (m > 1) this.intensity += (m - 1) * 2;
  }

  emoji(v: number): void {
    this.intensity += Math.abs(v) / 4;
  }

  /** True when the text is in capitals throughout and caps emphasis was added: ALL CAPS only stands out against lower case. */
  get capsThroughout(): boolean {
    return this.capsCues > 0 && !this.lowerLetters;
  }

  /** For a text in capitals throughout: the caps valence to take back (its caps cues are dropped by the caller). */
  takeBackAllCaps(): number {
    this.intensity -= this.capsCues * CAPS_INTENSITY;
    return this.capsValence;
  }
}
