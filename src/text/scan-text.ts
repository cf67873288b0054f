import type { TextAnalysis, TextLanguage } from '../core/types.js';
import { LIMITS } from '../core/limits.js';
import { CHAR_CLAUSE, CHAR_HAN, CHAR_MARK, CHAR_SENTENCE, CHAR_SPACE, CHAR_WORD, CLASS, FOLD } from './char-fold.js';
import { infoClass } from './char-info.js';
import type { CompiledLexicon } from './compiled-lexicon.js';
import type { TokenObserver } from './terms/token-reader.js';
import { contentInsideModifier, entryAtInfo, entryAtWord, isLongModifier, matchId, matchIndex, matchLexicon, preferCustom } from './lexicon-lookup.js';
import { matchLength } from './lexicon-trie.js';
import { SentimentRules } from './sentiment-rules.js';
import { isWordChar, mayStartAddress, skipAddress } from './word-chars.js';
import { readHashtag } from './hashtag-reader.js';
import { HASH_SEED, hashStep } from './word-table.js';

/**
 * One left-to-right pass over the raw string, linear in its length. Each
 * step of the loop reads one unit at `i` and moves to `next`: a run of ! and
 * ?, a sentence or clause break, a blank, an address (skipped whole), or the
 * longest lexicon entry there (lexicon-lookup.ts; English entries start only
 * at word starts), else a word or a single character. The rules
 * (sentiment-rules.ts) see each unit as it is read; every cue's offsets
 * point into `text` itself. `reused` rules, when given, are as new
 * (SentimentRules.reset), and are again when the scan ends; else the scan
 * makes its own.
 */
export function scanText(
  text: string,
  builtin: CompiledLexicon,
  custom: CompiledLexicon | undefined,
  observer?: TokenObserver,
  reused?: SentimentRules,
): TextAnalysis {
  if (reused === undefined) {
    const rules = new SentimentRules();
    rules.begin(text);
    return readUnits(text, scanLimit(text), builtin, custom, rules, observer);
  }
  reused.begin(text);
  try {
    return readUnits(text, scanLimit(text), builtin, custom, reused, observer);
  } finally {
    // Also when an observer throws: the rules go back as new, holding nothing of this text.
    reused.reset();
  }
}

/**
 * The loop, apart from the set-up. V8 inlines helpers into a function only
 * up to a budget of bytecode, so the set-up does not spend this function's
 * budget, and the hottest reading (a word's end and hash) is written out
 * here rather than called: as a helper it pushed the lookups and rules out
 * of the budget and the scan ran 5-10% slower.
 */
function readUnits(
  text: string,
  limit: number,
  builtin: CompiledLexicon,
  custom: CompiledLexicon | undefined,
  rules: SentimentRules,
  observer: TokenObserver | undefined,
): TextAnalysis {
  // What decides the language: English words read (a phrase counts once) and steps at a Chinese character.
  let englishWords = 0;
  let hanSteps = 0;
  // The built-in match at the end of a long modifier, found while asking whether content starts there: the
  // next step, reading a Chinese character at that place, takes it rather than walking the trie again.
  let knownAt = -1;
  let knownMatch = -1;
  // One read per character gives its class and where the built-in entries starting with it are (char-info.ts).
  const info = builtin.trie.info;
  let i = 0;
  while (i < limit) {
    const code = text.charCodeAt(i);
    const charInfo = info[code] as number;
    const cls = infoClass(charInfo);
    let next = i + 1;
    // The word starting at i, when one does: its end and the hash of its folded characters.
    let wordEnd = -1;
    let hash = HASH_SEED;
    // An address skipped whole holds no token; a hashtag read as its words told the observer itself.
    let observed = false;
    if (cls === CHAR_HAN) {
      // Chinese first: most of a Chinese text, and neither a word nor an address can start here.
      hanSteps++;
      let match = i === knownAt ? knownMatch : entryAtInfo(builtin, text, i, limit, charInfo);
      if (custom !== undefined) match = preferCustom(match, custom, text, i, limit, FOLD[code] as number, hash, -1);
      if (match < 0) rules.plain();
      else {
        const lexicon = matchLexicon(match, builtin, custom);
        const index = matchIndex(match);
        next = i + matchLength(match);
        let inside = -1;
        if (isLongModifier(lexicon, index, next - i)) {
          knownAt = next;
          knownMatch = next < limit ? entryAtInfo(builtin, text, next, limit, info[text.charCodeAt(next)] as number) : -1;
          inside = contentInsideModifier(builtin, custom, text, i, next, limit, knownMatch);
        }
        if (inside > 0) {
          // The modifier gives up the start of the content word: 还 is a unit of its own, 没人理 comes next.
          rules.plain();
          next = inside;
        } else rules.entry(lexicon, index, matchId(match), i, next);
      }
    } else if (cls === CHAR_MARK) next = rules.markRun(i, limit);
    else if (cls === CHAR_SENTENCE) rules.endSentence();
    else if (cls === CHAR_CLAUSE) rules.endClause();
    else if (cls !== CHAR_SPACE) {
      const folded = FOLD[code] as number;
      // @handles, &amp; entities and URLs are addresses, not words: @FC_Help is no "help".
      next = mayStartAddress(text, i, folded) ? skipAddress(text, i, limit, folded) : i;
      observed = next !== i;
      if (next === i) {
        let wordLower = false;
        if (cls === CHAR_WORD) {
          // Letters and digits with inner apostrophes (don't, o'clock), hashed as they are read: the word
          // table finds the word, and any phrase it starts, without a second pass.
          let j = i;
          while (j < limit) {
            const c = text.charCodeAt(j);
            if (c >= 0x61 && c <= 0x7a) {
              // Most letters of English text: a lower-case ASCII letter folds to itself, no table to read.
              wordLower = true;
              hash = hashStep(hash, c);
              j++;
              continue;
            }
            // Any other word character (capitals, digits, other scripts) or an inner apostrophe.
            const f = FOLD[c] as number;
            if (CLASS[f] !== CHAR_WORD && !(f === 0x27 && isWordChar(text, j + 1, limit))) break;
            hash = hashStep(hash, f);
            j++;
          }
          wordEnd = j;
        }
        // English words start with a letter; entries starting with a digit or a symbol are found in the trie.
        const english = wordEnd >= 0 && folded >= 0x61;
        let match = english ? entryAtWord(builtin, hash, text, i, wordEnd, limit) : entryAtInfo(builtin, text, i, limit, charInfo);
        if (custom !== undefined) match = preferCustom(match, custom, text, i, limit, folded, hash, english ? wordEnd : -1);
        // The caps rule learns the text's case from the words read; a word starting with a digit counts only
        // when it is read as a word, not as an entry.
        if (wordLower && (english || match < 0)) rules.lowerCaseWord();
        if (english) englishWords++;
        next = i + 1;
        if (match >= 0) {
          next = i + matchLength(match);
          rules.entry(matchLexicon(match, builtin, custom), matchIndex(match), matchId(match), i, next);
        } else if (wordEnd >= 0) {
          next = wordEnd;
          rules.word(i, next);
        } else if (folded === 0x23) {
          // #nogood, #StillWaiting: a hashtag no entry names is read as the words it runs together.
          const end = readHashtag(text, i, limit, builtin, custom, rules, observer);
          if (end > 0) {
            next = end;
            englishWords++;
            observed = true;
          }
        }
      }
    }
    // text[i, next) is read. This is the one place that sees every unit in order, the characters a lexicon
    // match spans included; when a word starts at i, wordEnd and hash describe it.
    // A run of marks holds no token for an observer.
    if (observer !== undefined && cls !== CHAR_MARK && !observed) {
      if (next === wordEnd) observer.word(text, i, wordEnd, hash);
      else if (next === i + 1 && cls === CHAR_HAN) observer.han(i, FOLD[code] as number);
      else if (next > i + 1 || wordEnd >= 0) observeSpan(observer, text, i, next, wordEnd, hash);
    }
    i = next;
  }
  return rules.finish(languageOf(hanSteps, englishWords), limit < text.length);
}

/**
 * The tokens inside a unit of several of them (a lexicon phrase, a Chinese
 * entry): its Han characters and words, as the observer would have seen
 * them read one by one. The first word's end and hash are known already.
 */
function observeSpan(observer: TokenObserver, text: string, start: number, end: number, wordEnd: number, wordHash: number): void {
  let k = start;
  if (wordEnd > start && wordEnd <= end) {
    observer.word(text, start, wordEnd, wordHash);
    k = wordEnd;
  }
  while (k < end) {
    const f = FOLD[text.charCodeAt(k)] as number;
    const cls = CLASS[f] as number;
    if (cls === CHAR_HAN) {
      observer.han(k, f);
      k++;
    } else if (cls === CHAR_WORD) {
      let hash = HASH_SEED;
      let j = k;
      while (j < end) {
        const g = FOLD[text.charCodeAt(j)] as number;
        if (!(CLASS[g] === CHAR_WORD || (g === 0x27 && isWordChar(text, j + 1, end)))) break;
        hash = hashStep(hash, g);
        j++;
      }
      observer.word(text, k, j, hash);
      k = j;
    } else k++;
  }
}

/** Where the scan stops: the whole text, or the length cap without splitting a surrogate pair. */
function scanLimit(text: string): number {
  if (text.length <= LIMITS.maxTextChars) return text.length;
  const last = text.charCodeAt(LIMITS.maxTextChars - 1);
  return last >= 0xd800 && last <= 0xdbff ? LIMITS.maxTextChars - 1 : LIMITS.maxTextChars;
}

function languageOf(hanSteps: number, englishWords: number): TextLanguage {
  if (hanSteps > 0) return englishWords >= 2 ? 'mixed' : 'zh';
  return englishWords > 0 ? 'en' : 'none';
}
