import { FOLD, NUMBER_SLOT } from './char-fold.js';
import { buildTrie, nodeAt, type LexiconTrie } from './lexicon-trie.js';
import { buildHashtagWords, type HashtagWords } from './hashtag-words.js';
import { buildWordTable, type WordTable } from './word-table.js';

/**
 * Most entries one compiled lexicon may hold: a lexicon match packs its
 * entry below this bit, and the bit itself marks a match from the custom
 * lexicon (see lexicon-lookup.ts).
 */
export const MAX_LEXICON_ENTRIES = 1 << 19;

/** One lexicon entry before compilation. */
export interface LexiconEntry {
  term: string;
  /** An ENTRY_* code from entry-kind.ts. */
  code: number;
  /** Multiplier for modifiers, strength in [0, 1] for intent, valence otherwise. */
  weight: number;
  /** Valence the entry adds to the sentiment sum (feeling, emoji, intent, problems). */
  valence: number;
}

/**
 * A lexicon ready for the scanner: the trie over folded terms and, per
 * entry, its code, weight and valence in parallel typed arrays. Immutable
 * once built; custom lexicons get their own, so analyzers never share state
 * beyond the read-only built-in one.
 */
export interface CompiledLexicon {
  readonly trie: LexiconTrie;
  /** English single words by hash, and which words start a multi-word entry. */
  readonly words: WordTable;
  /** The English words of the terms (and any extra words given): what a hashtag may be split into. */
  readonly hashtagWords: HashtagWords;
  readonly codes: Uint8Array;
  readonly weights: Float64Array;
  readonly valences: Float64Array;
  readonly size: number;
}

/** Compiles entries; `hashtagWords` are words a hashtag may be split into beyond those of the terms. */
export function compileLexicon(entries: readonly LexiconEntry[], hashtagWords: readonly string[] = []): CompiledLexicon {
  return compileColumns(
    entries.map((e) => e.term),
    Uint8Array.from(entries, (e) => e.code),
    Float64Array.from(entries, (e) => e.weight),
    Float64Array.from(entries, (e) => e.valence),
    hashtagWords,
  );
}

/** The same from parallel columns (the built-in lexicon loads this way, without an object per entry). */
export function compileColumns(
  rawTerms: readonly string[],
  codes: Uint8Array,
  weights: Float64Array,
  valences: Float64Array,
  hashtagWords: readonly string[] = [],
): CompiledLexicon {
  // Custom lexicons hold at most 10,000 entries; this guards the packing of matches, not users.
  if (rawTerms.length > MAX_LEXICON_ENTRIES) throw new RangeError(`a lexicon holds at most ${MAX_LEXICON_ENTRIES} entries`);
  const terms = rawTerms.map(foldTerm);
  const trie = buildTrie(terms);
  return {
    trie,
    words: buildWordTable(terms, (prefix) => nodeAt(trie, prefix)),
    hashtagWords: buildHashtagWords(wordsOf(terms, hashtagWords)),
    codes,
    weights,
    valences,
    size: terms.length,
  };
}

/**
 * Words of the terms a hashtag may be split into hold at least this many
 * letters: shorter ones there are slang, abbreviations and emoticon
 * remnants (jk, lol, fab, con) that cut ordinary words apart (#confab is no
 * "con fab"). The short words a split needs (no, so, bad) are the extra words'.
 */
export const MIN_TERM_WORD = 4;

/**
 * The distinct words of letters a to z: those of MIN_TERM_WORD letters or
 * more in the folded terms, and all the extra words (folded).
 */
function wordsOf(terms: readonly string[], extra: readonly string[]): string[] {
  const words = new Set<string>();
  for (const term of terms) for (const word of term.split(' ')) if (word.length >= MIN_TERM_WORD && /^[a-z]+$/.test(word)) words.add(word);
  for (const word of extra) if (/^[a-z]+$/.test(foldTerm(word))) words.add(foldTerm(word));
  return [...words];
}

/** A term as the trie stores it: folded like the text, blanks collapsed, {n} as the number slot. */
export function foldTerm(term: string): string {
  if (isFolded(term)) return term;
  let out = '';
  let blank = false;
  const trimmed = term.trim();
  for (let i = 0; i < trimmed.length; i++) {
    if (trimmed.startsWith('{n}', i)) {
      // The slot itself takes one blank before and after the amount (wait 5 minutes, 等了 3 小时): the term keeps none beside it.
      if (blank) out = out.slice(0, -1);
      out += String.fromCharCode(NUMBER_SLOT);
      i += 2;
      blank = true;
      continue;
    }
    const folded = FOLD[trimmed.charCodeAt(i)] as number;
    if (folded === 0x20) {
      if (!blank) out += ' ';
      blank = true;
      continue;
    }
    blank = false;
    out += String.fromCharCode(folded);
  }
  return out;
}

/** Most terms are already in folded form (the generated lexicon is): no copy then. */
function isFolded(term: string): boolean {
  if (term.length === 0 || term.charCodeAt(0) === 0x20 || term.charCodeAt(term.length - 1) === 0x20) return false;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (FOLD[c] !== c || c === 0x7b || (c === 0x20 && term.charCodeAt(i + 1) === 0x20)) return false;
  }
  return true;
}
