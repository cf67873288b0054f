import { FOLD } from '../char-fold.js';
import type { TokenObserver } from './token-reader.js';
import type { TokenReader } from './token-reader.js';
import { isAddressPart, isTermWord, MAX_HAN_TERM, onlyBlanks } from './term-rules.js';
import { PairIds } from './pair-ids.js';
import { doubled, GrowingInt32 } from '../../core/growing-arrays.js';

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
  /** English words → their index in `wordNames`. */
  private readonly words = new Map<string, number>();
  private readonly wordNames: string[] = [];
  /** Word pairs by the indices of their words. */
  private readonly pairs = new PairIds();
  /** Han n-grams by their codes (see addGram). */
  private readonly grams = new PairIds();
  /** Candidate number → what it is: 4 × its index in `grams`, `wordNames` or `pairs`, or its code (a Han character), plus GRAM, WORD, PAIR or CHAR. */
  private entries = new Int32Array(1024);
  /** Distinct training texts each candidate occurs in. */
  documentFrequency: Int32Array = new Int32Array(1024);
  /** The record each candidate was last seen in, so a record counts it once. */
  private lastRecord = new Int32Array(1024).fill(-1);
  private count = 0;
  private record = -1;
  private current = new Int32Array(256);
  private currentSize = 0;
  /** The index of the word just read, when a pair may follow it; -1 otherwise. */
  private prevWord = -1;
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
    const index = entry >>> 2;
    if ((entry & 3) === WORD) return this.wordNames[index] as string;
    if ((entry & 3) === PAIR) return `${this.wordNames[this.pairs.high(index)] as string} ${this.wordNames[this.pairs.low(index)] as string}`;
    if ((entry & 3) === CHAR) return String.fromCharCode(index);
    const high = this.grams.high(index);
    const low = this.grams.low(index);
    const pair = String.fromCharCode(low >>> 16, low & 0xffff);
    return high !== 0 ? String.fromCharCode(high) + pair : pair;
  }

  /** Starts one training record's text (its transcript's customer turns call `begin` once, then each turn `nextText`). */
  begin(): void {
    this.record++;
    this.currentSize = 0;
    this.nextText();
  }

  /** A new piece of the same record (the next customer turn): n-grams never span two pieces. */
  nextText(): void {
    this.prevWord = -1;
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
      this.prevWord = -1;
      return;
    }
    const index = this.addWord(word);
    if (this.prevWord >= 0 && onlyBlanks(text, this.prevWordEnd, start)) this.addPair(this.prevWord, index);
    this.prevWord = index;
    this.prevWordEnd = end;
  }

  han(at: number, folded: number): void {
    if (this.hanAt !== at - 1) {
      this.han1 = 0;
      this.han2 = 0;
    }
    this.hanAt = at;
    // Shortest first, as the candidates are numbered in order of first sight.
    this.addChar(folded);
    if (MAX_HAN_TERM >= 2 && this.han1 !== 0) this.addGram(0, (this.han1 << 16) | folded);
    if (MAX_HAN_TERM >= 3 && this.han2 !== 0) this.addGram(this.han2, (this.han1 << 16) | folded);
    this.han2 = this.han1;
    this.han1 = folded;
  }

  /** Adds a word; returns its index in `wordNames`. */
  private addWord(term: string): number {
    let index = this.words.get(term);
    if (index === undefined) {
      index = this.wordNames.length;
      this.words.set(term, index);
      this.wordNames.push(term);
      this.wordIds.push(this.number(index * 4 + WORD));
    }
    this.add(this.wordIds[index] as number);
    return index;
  }

  /** A pair of words, by their indices: no string is built for it. */
  private addPair(first: number, second: number): void {
    const index = this.pairs.id(first, second);
    if (index === this.pairIds.length) this.pairIds.push(this.number(index * 4 + PAIR));
    this.add(this.pairIds.get(index));
  }

  /** A Han character, looked up by its code: a third of the n-gram lookups, for one small table. */
  private addChar(code: number): void {
    let id = (this.charIds[code] as number) - 1;
    if (id < 0) {
      id = this.number(code * 4 + CHAR);
      this.charIds[code] = id + 1;
    }
    this.add(id);
  }

  /** Candidate number + 1 of each Han character seen, by its UTF-16 code (0: not seen). */
  private readonly charIds = new Int32Array(0x10000);

  /**
   * A Han 2- or 3-gram by its folded UTF-16 codes (each > 0): a 3-gram as
   * (first, second·2¹⁶ + third), a 2-gram as (0, first·2¹⁶ + second), so the
   * two lengths never share a key.
   */
  private addGram(high: number, low: number): void {
    const index = this.grams.id(high, low);
    if (index === this.gramIds.length) this.gramIds.push(this.number(index * 4 + GRAM));
    this.add(this.gramIds.get(index));
  }

  /** Candidate number of each word (by its index in `wordNames`), pair and n-gram (by their index in `pairs`, `grams`). */
  private readonly wordIds: number[] = [];
  private readonly pairIds = new GrowingInt32();
  private readonly gramIds = new GrowingInt32();

  /** Numbers a new candidate (an entry as in `entries`). */
  private number(entry: number): number {
    const id = this.count++;
    if (id === this.entries.length) {
      this.entries = doubled(this.entries);
      this.documentFrequency = doubled(this.documentFrequency);
      this.lastRecord = doubled(this.lastRecord, -1);
    }
    this.entries[id] = entry;
    return id;
  }

  private add(id: number): void {
    if (this.lastRecord[id] === this.record) return;
    this.lastRecord[id] = this.record;
    this.documentFrequency[id] = (this.documentFrequency[id] as number) + 1;
    if (this.currentSize === this.current.length) this.current = doubled(this.current);
    this.current[this.currentSize++] = id;
  }
}

const GRAM = 0;
const WORD = 1;
const PAIR = 2;
const CHAR = 3;
