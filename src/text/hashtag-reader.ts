import { CHAR_WORD, CLASS, FOLD } from './char-fold.js';
import type { CompiledLexicon } from './compiled-lexicon.js';
import { matchId, matchIndex, matchLexicon, preferLonger } from './lexicon-lookup.js';
import { child, matchLength } from './lexicon-trie.js';
import type { SentimentRules } from './sentiment-rules.js';
import type { TokenObserver } from './terms/token-reader.js';
import { ENTRY_CLOSURE, ENTRY_FEELING, ENTRY_INTENSIFIER, ENTRY_INTENT, ENTRY_NEGATION, ENTRY_PROBLEM_BASE, ENTRY_THANKS } from './entry-kind.js';
import { mayBeWord, mayStartWord, type HashtagWords } from './hashtag-words.js';
import { HASH_SEED, findWord, hashStep, type WordTable } from './word-table.js';

/**
 * Hashtags read as the words they run together: #nogood is "no good", a
 * negated praise; #stillwaiting is "still waiting"; #NeverAgain splits at
 * its capitals. A hashtag in mixed case splits where the case turns; one in
 * a single case splits into the fewest words the lexicon (or the extra
 * hashtag words) knows, an unknown start allowed when a lexicon word
 * follows (#brandfail). A hashtag that is one word, or that no split
 * covers, is left to the scanner as it is.
 *
 * Bounded work per hashtag (at most MAX_BODY letters, words of at most
 * MAX_WORD), so the scan stays linear.
 */
const MAX_BODY = 40;
const MAX_WORD = 20;
/** The longest unknown start (a brand name) split off before a lexicon word. */
const MAX_BRAND = 10;
const UNREACHED = 1 << 20;

/**
 * Reads the hashtag whose # is at `at`: the rules and the observer see each
 * of its words (a lexicon entry may span several). Returns its end, or -1
 * when it is not split (nothing was read).
 */
export function readHashtag(
  text: string,
  at: number,
  limit: number,
  builtin: CompiledLexicon,
  custom: CompiledLexicon | undefined,
  rules: SentimentRules,
  observer: TokenObserver | undefined,
): number {
  const start = at + 1;
  let end = start;
  let lower = false;
  let upper = false;
  while (end < limit && end - start <= MAX_BODY) {
    const c = text.charCodeAt(end);
    const f = FOLD[c] as number;
    if (CLASS[f] !== CHAR_WORD) break;
    if (f < 0x61 || f > 0x7a) return -1;
    if (c >= 0x61) lower = true;
    else upper = true;
    end++;
  }
  if (end - start < 4 || end - start > MAX_BODY) return -1;
  const bounds = lower && upper ? caseSplit(text, start, end) : dictionarySplit(text, start, end, builtin, custom);
  if (bounds === undefined) return -1;
  const hashes: number[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) hashes.push(hashOf(text, bounds[k] as number, bounds[k + 1] as number));
  // The entries the words hold, longest first from each word on: read only when one of them is a verdict.
  const matches: number[] = [];
  let verdict = false;
  for (let k = 0; k + 1 < bounds.length; ) {
    const s = bounds[k] as number;
    const match = entryAtPart(builtin, custom, text, bounds, hashes, k);
    const stop = match >= 0 ? s + matchLength(match) : (bounds[k + 1] as number);
    matches.push(match);
    if (match >= 0 && !verdict) verdict = isVerdictEntry(matchLexicon(match, builtin, custom), matchIndex(match), true);
    while ((bounds[k] as number) < stop) k++;
  }
  if (!verdict) return -1;
  if (lower) rules.lowerCaseWord();
  let k = 0;
  for (const match of matches) {
    const s = bounds[k] as number;
    const stop = match >= 0 ? s + matchLength(match) : (bounds[k + 1] as number);
    if (match >= 0) rules.entry(matchLexicon(match, builtin, custom), matchIndex(match), matchId(match), s, stop);
    else rules.word(s, stop);
    for (; (bounds[k] as number) < stop; k++) observer?.word(text, bounds[k] as number, bounds[k + 1] as number, hashes[k] as number);
  }
  return end;
}

/** A feeling at least this strong is a verdict a hashtag may hold ("worst", "love"); milder words there more likely name a topic (#usadebt). */
const VERDICT_FEELING = 2;

/**
 * True when entry `entry` of `lexicon` is a verdict: a named problem,
 * intent, a clear feeling, or (when `modifiers`) a negation or degree word,
 * which bears on the word after it (#nogood, #toomuchdoubt).
 */
function isVerdictEntry(lexicon: CompiledLexicon, entry: number, modifiers: boolean): boolean {
  const code = lexicon.codes[entry] as number;
  if (code === ENTRY_INTENT || code >= ENTRY_PROBLEM_BASE) return true;
  if (modifiers && (code === ENTRY_NEGATION || code === ENTRY_INTENSIFIER)) return true;
  return (code === ENTRY_FEELING || code === ENTRY_THANKS || code === ENTRY_CLOSURE) && Math.abs(lexicon.valences[entry] as number) >= VERDICT_FEELING;
}

/** Boundaries where a mixed-case body turns (No|Good, BA|Fail), or undefined when it does not. */
function caseSplit(text: string, start: number, end: number): number[] | undefined {
  const bounds = [start];
  for (let k = start + 1; k < end; k++) {
    const upper = isUpper(text.charCodeAt(k));
    const afterLower = !isUpper(text.charCodeAt(k - 1));
    const beforeLower = k + 1 < end && !isUpper(text.charCodeAt(k + 1));
    if (upper && (afterLower || (beforeLower && k - 1 > start))) bounds.push(k);
  }
  if (bounds.length === 1) return undefined;
  bounds.push(end);
  return bounds;
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/**
 * The fewest known words covering text[start, end), or an unknown start (a
 * brand) and one word of the lexicon after it (#brandfail); undefined when
 * the whole is one known word or nothing covers it. The search only grows
 * from positions a known word reaches, so it stays short.
 */
function dictionarySplit(text: string, start: number, end: number, builtin: CompiledLexicon, custom: CompiledLexicon | undefined): number[] | undefined {
  const n = end - start;
  if (knows(builtin, custom, hashOf(text, start, end), text, start, end)) return undefined;
  // Plain arrays grown by push: a typed array, or a preset one, costs more to make than this whole search.
  const cost: number[] = [0];
  const from: number[] = [-1];
  for (let p = 1; p <= n; p++) {
    cost.push(UNREACHED);
    from.push(-1);
  }
  const words = builtin.hashtagWords;
  const ownWords = custom?.hashtagWords;
  for (let k = 0; k < n; k++) {
    const base = cost[k] as number;
    if (base >= UNREACHED) continue;
    let h = HASH_SEED;
    const at = start + k;
    for (let len = 1; len <= MAX_WORD && k + len <= n; len++) {
      const f = FOLD[text.charCodeAt(at + len - 1)] as number;
      h = hashStep(h, f);
      if (len === 1 && f !== 0x61 && !(f === 0x69 && k === 0)) continue; // the one-letter words: a, and i at the start
      // No known word starts with these letters: none longer either.
      if (!mayStartWord(words, h) && (ownWords === undefined || !mayStartWord(ownWords, h))) break;
      if (base + 1 < (cost[k + len] as number) && knows(builtin, custom, h, text, start + k, start + k + len)) {
        cost[k + len] = base + 1;
        from[k + len] = k;
      }
    }
  }
  if ((cost[n] as number) >= UNREACHED) return brandSplit(text, start, end, builtin, custom);
  const bounds: number[] = [];
  for (let p = n; p > 0; p = from[p] as number) bounds.push(start + p);
  bounds.push(start);
  bounds.reverse();
  return bounds.length >= 3 ? bounds : undefined;
}

/**
 * An unknown start of 3 to MAX_BRAND letters and a single verdict word of
 * four or more letters after it (#brandfail, #brandsucks, #brandscam), or
 * undefined. Only a verdict: a clear complaint word, a named problem or
 * intent. Any other word at the end of an unknown run is as likely the tail
 * of a longer word or name (#confab is no "fab", #teaparty no "party").
 */
function brandSplit(text: string, start: number, end: number, builtin: CompiledLexicon, custom: CompiledLexicon | undefined): number[] | undefined {
  for (let p = Math.max(start + 3, end - MAX_WORD); p <= Math.min(end - 4, start + MAX_BRAND); p++) {
    if (isVerdict(builtin, custom, text, p, end)) return [start, p, end];
  }
  return undefined;
}

function isVerdict(builtin: CompiledLexicon, custom: CompiledLexicon | undefined, text: string, start: number, end: number): boolean {
  const h = hashOf(text, start, end);
  return verdictIn(builtin, h, text, start, end) || (custom !== undefined && verdictIn(custom, h, text, start, end));
}

function verdictIn(lexicon: CompiledLexicon, h: number, text: string, start: number, end: number): boolean {
  const entry = wordEntry(lexicon.words, h, text, start, end);
  return entry >= 0 && (lexicon.valences[entry] as number) < 0 && isVerdictEntry(lexicon, entry, false);
}

function knows(builtin: CompiledLexicon, custom: CompiledLexicon | undefined, h: number, text: string, start: number, end: number): boolean {
  return knownIn(builtin.hashtagWords, h, text, start, end) || (custom !== undefined && knownIn(custom.hashtagWords, h, text, start, end));
}

function knownIn(words: HashtagWords, h: number, text: string, start: number, end: number): boolean {
  return mayBeWord(words, h) && findWord(words.table, h, text, start, end) >= 0;
}

function wordEntry(words: WordTable, h: number, text: string, start: number, end: number): number {
  const slot = findWord(words, h, text, start, end);
  return slot < 0 ? -1 : (words.entries[slot] as number);
}

function hashOf(text: string, start: number, end: number): number {
  let h = HASH_SEED;
  for (let k = start; k < end; k++) h = hashStep(h, FOLD[text.charCodeAt(k)] as number);
  return h;
}

/**
 * The longest entry starting at part k, in either lexicon, packed as
 * lexicon-lookup.ts packs a match (its length runs over the parts it
 * spans, read as if blanks stood between them); -1 for none.
 */
function entryAtPart(builtin: CompiledLexicon, custom: CompiledLexicon | undefined, text: string, bounds: readonly number[], hashes: readonly number[], k: number): number {
  const own = partMatch(builtin, text, bounds, hashes, k);
  return custom === undefined ? own : preferLonger(own, partMatch(custom, text, bounds, hashes, k));
}

function partMatch(lexicon: CompiledLexicon, text: string, bounds: readonly number[], hashes: readonly number[], k: number): number {
  const start = bounds[k] as number;
  const slot = findWord(lexicon.words, hashes[k] as number, text, start, bounds[k + 1] as number);
  if (slot < 0) return -1;
  const single = lexicon.words.entries[slot] as number;
  let best = single >= 0 ? (((bounds[k + 1] as number) - start) << 20) | single : -1;
  let node = lexicon.words.phraseNode[slot] as number;
  for (let m = k + 1; node > 0 && m + 1 < bounds.length; m++) {
    node = child(lexicon.trie, node, 0x20);
    for (let j = bounds[m] as number; node > 0 && j < (bounds[m + 1] as number); j++) node = child(lexicon.trie, node, FOLD[text.charCodeAt(j)] as number);
    const entry = node > 0 ? (lexicon.trie.terminal[node] as number) : -1;
    if (entry >= 0) best = (((bounds[m + 1] as number) - start) << 20) | entry;
  }
  return best;
}
