import { FOLD } from '../char-fold.js';
import type { TokenObserver } from './token-reader.js';
import type { TokenReader } from './token-reader.js';
import { isAddressPart, isTermWord, MAX_HAN_TERM, onlyBlanks } from './term-rules.js';

/**
 * For fitting: reads the same tokens the scorer's term matcher reads and
 * names every candidate term of each text (English words and word pairs,
 * Han n-grams of one to three characters) by a number, the same number for
 * the same term across the whole training set. Candidates obey the term
 * rules, so nothing that could be a customer's data (digits, addresses,
 * identifiers) is ever counted.
 */
export class TermCollector implements TokenObserver {
  /** Candidate term → its number. */
  private readonly ids = new Map<string, number>();
  /** Candidate terms by number. */
  readonly names: string[] = [];
  /** Distinct training texts each candidate occurs in. */
  documentFrequency: Int32Array = new Int32Array(1024);
  private readonly current = new Set<number>();
  private prevWord: string | undefined;
  private prevWordEnd = -2;
  private hanWindow: string[] = [];
  private hanAt = -2;

  /** Reads a record's text piece by piece alongside the scanner (see readText). */
  readonly reader: TokenReader = {
    hits: undefined,
    piece: () => {
      this.nextText();
      return this;
    },
  };

  /** Starts one training record's text (its transcript's customer turns call `begin` once, then each turn `nextText`). */
  begin(): void {
    this.current.clear();
    this.nextText();
  }

  /** A new piece of the same record (the next customer turn): n-grams never span two pieces. */
  nextText(): void {
    this.prevWord = undefined;
    this.prevWordEnd = -2;
    this.hanWindow = [];
    this.hanAt = -2;
  }

  /** The record's distinct candidates, ascending; counts each once towards its document frequency. */
  finish(): Int32Array {
    const ids = Int32Array.from(this.current).sort();
    for (const id of ids) this.documentFrequency[id] = (this.documentFrequency[id] as number) + 1;
    this.current.clear();
    return ids;
  }

  word(text: string, start: number, end: number): void {
    let word = '';
    for (let k = start; k < end; k++) word += String.fromCharCode(FOLD[text.charCodeAt(k)] as number);
    if (!isTermWord(word) || isAddressPart(text, start, end)) {
      this.prevWord = undefined;
      return;
    }
    this.add(word);
    if (this.prevWord !== undefined && onlyBlanks(text, this.prevWordEnd, start)) this.add(`${this.prevWord} ${word}`);
    this.prevWord = word;
    this.prevWordEnd = end;
  }

  han(at: number, folded: number): void {
    if (this.hanAt !== at - 1) this.hanWindow = [];
    this.hanAt = at;
    const window = this.hanWindow;
    window.push(String.fromCharCode(folded));
    if (window.length > MAX_HAN_TERM) window.shift();
    for (let n = 1; n <= window.length; n++) this.add(window.slice(window.length - n).join(''));
  }

  private add(term: string): void {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
      if (id === this.documentFrequency.length) {
        const grown = new Int32Array(id * 2);
        grown.set(this.documentFrequency);
        this.documentFrequency = grown;
      }
    }
    this.current.add(id);
  }
}
