import { FOLD } from './char-fold.js';
import { MAX_LEXICON_ENTRIES, type CompiledLexicon } from './compiled-lexicon.js';
import { ENTRY_DAMPENER, ENTRY_FEELING, ENTRY_INTENSIFIER, ENTRY_INTENT, ENTRY_NEGATION, ENTRY_PROBLEM_BASE } from './entry-kind.js';
import { continueMatch, longestMatch, longestMatchAt, matchEntry, matchLength, startsEntry } from './lexicon-trie.js';
import { infoSlot } from './char-info.js';
import { findWord, slotEntry, slotPhraseNode } from './word-table.js';

/**
 * The lexicon entry at a position of the text, across the built-in lexicon
 * and an analyzer's own: the longer match wins, the custom one on a tie (a
 * user's entry overrides ours for the same words).
 *
 * A match is one number, packed as the trie packs it (length << 20 | entry)
 * with FROM_CUSTOM set when the custom lexicon gave it, so the scan carries
 * no object per match. matchLength (lexicon-trie.ts) reads its length.
 */
const FROM_CUSTOM = MAX_LEXICON_ENTRIES;


/** Longest entry of `lexicon` at the English word text[start, end) (hash `hash`): the word itself or a phrase it starts; -1 for none. */
export function entryAtWord(lexicon: CompiledLexicon, hash: number, text: string, start: number, end: number, limit: number): number {
  const words = lexicon.words;
  const slot = findWord(words, hash, text, start, end);
  if (slot < 0) return -1;
  const entry = slotEntry(words, slot);
  let best = entry >= 0 ? ((end - start) << 20) | entry : -1;
  const node = slotPhraseNode(words, slot);
  if (node > 0) {
    const phrase = continueMatch(lexicon.trie, text, node, start, end, limit);
    if (phrase > best) best = phrase;
  }
  return best;
}

/** Longest entry of `lexicon` starting at `start` where no English word starts (`folded` is text[start] folded); -1 for none. */
export function entryAt(lexicon: CompiledLexicon, text: string, start: number, limit: number, folded: number): number {
  return startsEntry(lexicon.trie, folded) ? longestMatch(lexicon.trie, text, start, limit) : -1;
}

/** entryAt when the scan has read `info`, the lexicon's trie.info of text[start] (char-info.ts). */
export function entryAtInfo(lexicon: CompiledLexicon, text: string, start: number, limit: number, info: number): number {
  return infoSlot(info) !== 0 ? longestMatchAt(lexicon.trie, text, start, limit, info) : -1;
}

/**
 * The match at `start` once the analyzer's own lexicon is asked too: its
 * entry replaces the built-in match `best` when it is at least as long.
 * `wordEnd` is the end of the English word at `start`, or -1 for none.
 * Kept apart from the built-in lookups, so a scan without a custom
 * lexicon never runs (or inlines) it.
 */
export function preferCustom(best: number, custom: CompiledLexicon, text: string, start: number, limit: number, folded: number, hash: number, wordEnd: number): number {
  const own = wordEnd >= 0 ? entryAtWord(custom, hash, text, start, wordEnd, limit) : entryAt(custom, text, start, limit, folded);
  return preferLonger(best, own);
}

/** The built-in match `best` or the custom lexicon's match `own` at the same place: the longer, the custom one on a tie. */
export function preferLonger(best: number, own: number): number {
  return own >= 0 && (best < 0 || matchLength(own) >= matchLength(best)) ? own | FROM_CUSTOM : best;
}

/** The lexicon a match came from. */
export function matchLexicon(match: number, builtin: CompiledLexicon, custom: CompiledLexicon | undefined): CompiledLexicon {
  return (match & FROM_CUSTOM) === 0 ? builtin : (custom as CompiledLexicon);
}

/** The entry's index in its lexicon. */
export function matchIndex(match: number): number {
  return match & (FROM_CUSTOM - 1);
}

/** One number per entry of either lexicon: the repetition rule compares these. */
export function matchId(match: number): number {
  return matchEntry(match);
}

/**
 * A Chinese modifier must not swallow the start of a longer content word:
 * 还没|人理 is 还 + 没人理. Only a negation or degree entry of two or more
 * characters can; the scan asks this cheap question of every Chinese match
 * before it looks further.
 */
export function isLongModifier(lexicon: CompiledLexicon, index: number, length: number): boolean {
  const code = lexicon.codes[index] as number;
  return length >= 2 && (code === ENTRY_NEGATION || code === ENTRY_INTENSIFIER || code === ENTRY_DAMPENER);
}

/**
 * For a long modifier at text[start, end) after which no content entry
 * starts (else the modifier keeps its span: 不是很|好), the first position
 * inside it where a content entry starts and runs past `end`; -1 otherwise.
 * `atEnd` is the built-in lexicon's match at `end` (entryAt there, -1 at the
 * limit): the caller keeps it for its next step.
 */
export function contentInsideModifier(builtin: CompiledLexicon, custom: CompiledLexicon | undefined, text: string, start: number, end: number, limit: number, atEnd: number): number {
  if (isContent(builtin, atEnd) || (custom !== undefined && startsContent(custom, text, end, limit))) return -1;
  for (let k = start + 1; k < end; k++) {
    if (contentEnd(builtin, text, k, limit) > end || (custom !== undefined && contentEnd(custom, text, k, limit) > end)) return k;
  }
  return -1;
}

/** True when a content entry of `lexicon` starts at `at`. */
function startsContent(lexicon: CompiledLexicon, text: string, at: number, limit: number): boolean {
  return at < limit && startsEntry(lexicon.trie, FOLD[text.charCodeAt(at)] as number) && contentEnd(lexicon, text, at, limit) >= 0;
}

/** End of the longest entry of `lexicon` at `at` when it is content (a feeling, intent or problem), else -1. */
function contentEnd(lexicon: CompiledLexicon, text: string, at: number, limit: number): number {
  const m = longestMatch(lexicon.trie, text, at, limit);
  return isContent(lexicon, m) ? at + matchLength(m) : -1;
}

/** True when the match `m` of `lexicon` (-1 for none) is a content entry. */
function isContent(lexicon: CompiledLexicon, m: number): boolean {
  if (m < 0) return false;
  const code = lexicon.codes[matchEntry(m)] as number;
  return code === ENTRY_FEELING || code === ENTRY_INTENT || code >= ENTRY_PROBLEM_BASE;
}
