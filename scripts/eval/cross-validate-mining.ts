import { createScorer, defaultModel, type TextAnalyzer } from '../../src/index.js';
import { readText } from '../../src/conversation/read-text.js';
import { builtinEntries, builtinHashtagWords } from '../../src/text/builtin-lexicon.js';
import { compileLexicon, type CompiledLexicon, type LexiconEntry } from '../../src/text/compiled-lexicon.js';
import { ENTRY_FEELING } from '../../src/text/entry-kind.js';
import { scanText } from '../../src/text/scan-text.js';
import { mineWords } from '../lexicon/mine-words.js';
import type { EvalRow } from './read-data.js';
import { rocAuc } from './roc-auc.js';

export interface MiningCv {
  negativity: number;
  model: number;
  withoutMined: { negativity: number; model: number };
  words: number;
}

/** K-fold cross-validation of the mined-words step: each fold is scored by a lexicon mined without it. */
export function crossValidatedMining(rows: readonly EvalRow[], folds: number): MiningCv {
  const base = builtinEntries((kind) => kind !== 'mined');
  const known = new Set(base.map((e) => e.term));
  const fold = rows.map((r) => hash(r.text) % folds);
  const neg = new Array<number>(rows.length);
  const prob = new Array<number>(rows.length);
  let words = 0;
  for (let k = 0; k < folds; k++) {
    const mined = mineWords(
      rows.filter((_, i) => fold[i] !== k),
      (t) => known.has(t),
    );
    words += mined.length / folds;
    const entries: LexiconEntry[] = [...mined.map((m) => ({ term: m.term, code: ENTRY_FEELING, weight: m.valence, valence: m.valence })), ...base];
    score(compileLexicon(entries, builtinHashtagWords()), (i) => fold[i] === k);
  }
  const labels = rows.map((r) => r.negative);
  const withMined = { negativity: rocAuc(neg, labels), model: rocAuc(prob, labels) };
  score(compileLexicon(base, builtinHashtagWords()), () => true);
  return { ...withMined, withoutMined: { negativity: rocAuc(neg, labels), model: rocAuc(prob, labels) }, words: Math.round(words) };

  function score(lexicon: CompiledLexicon, pick: (i: number) => boolean): void {
    const analyzeString = (t: string) => scanText(t, lexicon, undefined);
    const analyzer: TextAnalyzer = { analyze: (t) => (typeof t === 'string' ? analyzeString(t) : readText(analyzeString, t).analysis) };
    const scorer = createScorer(defaultModel, { analyzer });
    rows.forEach((r, i) => {
      if (!pick(i)) return;
      neg[i] = -analyzeString(r.text).sentiment;
      prob[i] = scorer.score({ channel: 'other', text: r.text }).probability;
    });
  }
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
