// The bare scan loop the issue-12 targets are held against: one pass over the
// raw string doing only the lexicon lookups the analyser does (a greedy trie
// match at each Chinese character, a word split with its hash and a word-table
// lookup for English), with one cue object per match, and nothing else: no
// rules, no sentiment, no modifiers, no language count. bench/traffic.bench.ts
// bundles this file with esbuild so that Node runs it as it runs dist/.
import { BUILTIN } from '../src/text/builtin-lexicon.js';
import { CHAR_HAN, CHAR_WORD, CLASS, FOLD } from '../src/text/char-fold.js';
import { entryAt, entryAtWord } from '../src/text/lexicon-lookup.js';
import { matchLength } from '../src/text/lexicon-trie.js';
import { HASH_SEED, hashStep } from '../src/text/word-table.js';

interface BareCue {
  start: number;
  end: number;
  match: number;
}

/** Cues found in `text` by the bare loop (returned, so the work cannot be dropped). */
export function bareScan(text: string): BareCue[] {
  const lexicon = BUILTIN.get();
  const cues: BareCue[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const f = FOLD[text.charCodeAt(i)] as number;
    const cls = CLASS[f] as number;
    if (cls === CHAR_HAN) {
      const m = entryAt(lexicon, text, i, n, f);
      if (m < 0) i++;
      else {
        const end = i + matchLength(m);
        cues.push({ start: i, end, match: m });
        i = end;
      }
    } else if (cls === CHAR_WORD) {
      let j = i;
      let h = HASH_SEED;
      while (j < n) {
        const g = FOLD[text.charCodeAt(j)] as number;
        if (CLASS[g] !== CHAR_WORD) break;
        h = hashStep(h, g);
        j++;
      }
      const m = f >= 0x61 ? entryAtWord(lexicon, h, text, i, j, n) : -1;
      if (m >= 0) {
        const end = i + matchLength(m);
        cues.push({ start: i, end, match: m });
        i = end;
      } else i = j;
    } else i++;
  }
  return cues;
}
