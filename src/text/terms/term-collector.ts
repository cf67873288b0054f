import { FOLD } from '../char-fold.js';
import type { TokenObserver } from './token-reader.js';
import type { TokenReader } from './token-reader.js';
import { isAddressPart, isTermWord, MAX_HAN_TERM, onlyBlanks } from './term-rules.js';
import { PairIds } from './pair-ids.js';

/**
 * For fitting: reads the same tokens the scorer's term matcher reads and
 * names every candidate term of each text (English words and word pairs,
 * Han n-grams of one to three characters) by a number, the same number for
 * the same term across the whole training set. Candidates obey the term
 * rules, so nothing that could be a customer's data (digits, addresses,
 * identifiers) is ever counted.
 *
 * A million texts hold millions of distinct candidates, nearly all of them
 * one-off Han n-grams: those are kept as their character codes in typed
 * arrays (PairIds), not as strings, and spelled out only when asked for
 * (`name`). Every candidate is kept exactly, so the document counts and the
 * rows' candidates are exact.
 */
export class TermCollector implements TokenObserver {
  /** English words and word pairs → their index in `wordNames`. */
  private readonly words = new Map<string, number>();
  private readonly wordNames: string[] = [];
  /** Han n-grams by their codes (see hanKey) → their index in the n-gram table. */
  private readonly grams = new PairIds();
  /** Candidate number → its word (−1 − index) or n-gram (index ≥ 0). */
  private entries = new Int32Array(1024);
  /** Distinct training texts each candidate occurs in. */
  documentFrequency: Int32Array = new Int32Array(1024);
  /** The record each candidate was last seen in, so a record counts it once. */
  private lastRecord = new Int32Array(1024).fill(-1);
  private count = 0;
  private record = -1;
  private current = new Int32Array(256);
  private currentSize = 0;
  private prevWord: string | undefined;
  private prevWordEnd = -2;
  /** The last two Han characters before this one (0: none), for the 2- and 3-grams. */
  private han1 = 0;
  private han2 = 0;
  private hanAt = -2;

  /** Readable token by token alongside the scanner (see readText). */
  readonly reader: TokenReader = {
    hits: undefined,
    piece: () => {
      this.nextText();
      return this;
    },
  };

  /** Distinct candidates numbered so far. */
  get size(): number {
    return this.count;
  }

  /** The candidate term (folded) numbered `id`. */
  name(id: number): string {
    const entry = this.entries[id] as number;
    if (entry < 0) return this.wordNames[-1 - entry] as string;
    const high = this.grams.high(entry);
    const low = this.grams.low(entry);
    const pair = String.fromCharCode(low >>> 16, low & 0xffff);
    if (high !== 0) return String.fromCharCode(high) + pair;
    return low >>> 16 === 0 ? String.fromCharCode(low) : pair;
  }

  /** Starts one training record's text (its transcript's customer turns call `begin` once, then each turn `nextText`). */
  begin(): void {
    this.record++;
    this.currentSize = 0;
    this.nextText();
  }

  /** A new piece of the same record (the next customer turn): n-grams never span two pieces. */
  nextText(): void {
    this.prevWord = undefined;
    this.prevWordEnd = -2;
    this.han1 = 0;
    this.han2 = 0;
    this.hanAt = -2;
  }

  /** The record's distinct candidates, ascending (each counted once towards its document frequency as it was met). */
  finish(): Int32Array {
    const ids = this.current.slice(0, this.currentSize).sort();
    this.currentSize = 0;
    return ids;
  }

  word(text: string, start: number, end: number): void {
    let word = '';
    for (let k = start; k < end; k++) word += String.fromCharCode(FOLD[text.charCodeAt(k)] as number);
    if (!isTermWord(word) || isAddressPart(text, start, end)) {
      this.prevWord = undefined;
      return;
    }
    this.addWord(word);
    if (this.prevWord !== undefined && onlyBlanks(text, this.prevWordEnd, start)) this.addWord(`${this.prevWord} ${word}`);
    this.prevWord = word;
    this.prevWordEnd = end;
  }

  han(at: number, folded: number): void {
    if (this.hanAt !== at - 1) {
      this.han1 = 0;
      this.han2 = 0;
    }
    this.hanAt = at;
    // Shortest first, as the candidates are numbered in order of first sight.
    this.addGram(0, folded);
    if (MAX_HAN_TERM >= 2 && this.han1 !== 0) this.addGram(0, (this.han1 << 16) | folded);
    if (MAX_HAN_TERM >= 3 && this.han2 !== 0) this.addGram(this.han2, (this.han1 << 16) | folded);
    this.han2 = this.han1;
    this.han1 = folded;
  }

  private addWord(term: string): void {
    let index = this.words.get(term);
    if (index === undefined) {
      index = this.wordNames.length;
      this.words.set(term, index);
      this.wordNames.push(term);
      this.number(-1 - index);
    }
    this.add(this.wordIds[index] as number);
  }

  /**
   * A Han n-gram by its folded UTF-16 codes (each > 0): a 3-gram as (first,
   * second·2¹⁶ + third), a 2-gram as (0, first·2¹⁶ + second), a character as
   * (0, code), so no two lengths share a key.
   */
  private addGram(high: number, low: number): void {
    const index = this.grams.id(high, low);
    if (index === this.gramCount) {
      if (index === this.gramIds.length) this.gramIds = grow(this.gramIds, 0);
      this.gramIds[index] = this.number(index);
      this.gramCount++;
    }
    this.add(this.gramIds[index] as number);
  }

  /** Candidate number of each word (by its index in `wordNames`) and of each n-gram (by its index in `grams`). */
  private readonly wordIds: number[] = [];
  private gramIds = new Int32Array(1024);
  private gramCount = 0;

  /** Numbers a new candidate (an entry as in `entries`). */
  private number(entry: number): number {
    const id = this.count++;
    if (id === this.entries.length) {
      this.entries = grow(this.entries, 0);
      this.documentFrequency = grow(this.documentFrequency, 0);
      this.lastRecord = grow(this.lastRecord, -1);
    }
    this.entries[id] = entry;
    if (entry < 0) this.wordIds.push(id);
    return id;
  }

  private add(id: number): void {
    if (this.lastRecord[id] === this.record) return;
    this.lastRecord[id] = this.record;
    this.documentFrequency[id] = (this.documentFrequency[id] as number) + 1;
    if (this.currentSize === this.current.length) this.current = grow(this.current, 0);
    this.current[this.currentSize++] = id;
  }
}

function grow(values: Int32Array, fill: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(values.length * 2);
  out.set(values);
  if (fill !== 0) out.fill(fill, values.length);
  return out;
}
