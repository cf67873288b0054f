/**
 * npm run eval:text — ROC AUC of our text signals on the shared public data
 * (../shared/data, or COMPLAINT_RISK_DATA), next to the `sentiment`,
 * `vader-sentiment` and natural packages measured in the same run on the
 * same texts. Reads the data in place; copies nothing into the project.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeText } from '../src/conversation/text-analyzer.js';
import { createScorer } from '../src/index.js';
import { readEvalSets, type EvalSet } from './eval/read-data.js';
import { rocAuc } from './eval/roc-auc.js';
import { crossValidatedMining } from './eval/cross-validate-mining.js';
import { crossValidateBaseline, crossValidateFit, stratifiedFolds, type FitThenTest } from './eval/fit-then-test.js';
import { builtinEntries } from '../src/text/builtin-lexicon.js';
import { compileLexicon } from '../src/text/compiled-lexicon.js';
import { scanText } from '../src/text/scan-text.js';
import type { TextAnalyzer } from '../src/index.js';

const require = createRequire(import.meta.url);
const dir = resolve(process.env.COMPLAINT_RISK_DATA ?? '../shared/data');
if (!existsSync(dir)) {
  console.log(`eval:text: no evaluation data at ${dir} (set COMPLAINT_RISK_DATA or place the shared data there); nothing measured.`);
  process.exit(0);
}
const sets = readEvalSets(dir);
if (sets.length === 0) {
  console.log(`eval:text: ${dir} holds none of the expected files (see its README); nothing measured.`);
  process.exit(0);
}

const Sentiment = require('sentiment') as new () => { analyze(text: string): { score: number } };
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
// Deep imports: natural's root import loads ~1,300 modules and prints banners.
const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer') as new (
  language: string,
  stemmer: unknown,
  type: string,
) => { getSentiment(words: string[]): number };
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as unknown;
const AggressiveTokenizer = require('natural/lib/natural/tokenizers/aggressive_tokenizer') as new () => { tokenize(t: string): string[] };
const sentiment = new Sentiment();
const natural = new SentimentAnalyzer('English', PorterStemmer, 'afinn');
const tokenizer = new AggressiveTokenizer();
const tokenize = (t: string): string[] => tokenizer.tokenize(t);
const scorer = createScorer();

interface Signal {
  name: string;
  score: (text: string) => number;
}
const SIGNALS: Signal[] = [
  { name: 'ours: negativity (-sentiment)', score: (t) => -analyzeText(t).sentiment },
  { name: 'ours: default model, text only', score: (t) => scorer.score({ channel: 'other', text: t }).probability },
  { name: 'sentiment (AFINN): -score', score: (t) => -sentiment.analyze(t).score },
  { name: 'vader-sentiment: -compound', score: (t) => -vader.SentimentIntensityAnalyzer.polarity_scores(t).compound },
  { name: 'natural (AFINN, Porter): -score', score: (t) => finite(-natural.getSentiment(tokenize(t))) },
];

console.log(`Data: ${dir}`);
const table: string[] = ['| data set | n | ranked first | ' + SIGNALS.map((s) => s.name).join(' | ') + ' |', '| --- | ---: | --- |' + SIGNALS.map(() => ' ---: |').join('')];
for (const set of sets) table.push(row(set));
console.log(table.join('\n'));

// The built-in lexicon holds words mined from the complaint tweets; on that set they are
// cross-validated: mined from four fifths, scored on the fifth the miner never saw.
const complaints = sets.find((set) => set.target === 'complaint');
if (complaints !== undefined) {
  const cv = crossValidatedMining(complaints.rows, 5);
  console.log(
    `\n${complaints.name}, 5-fold cross-validated mined words: negativity AUC ${cv.negativity.toFixed(3)}, default model text-only AUC ${cv.model.toFixed(3)}` +
      ` (without mined words: ${cv.withoutMined.negativity.toFixed(3)} / ${cv.withoutMined.model.toFixed(3)}; ${cv.words} words mined per fold on average)`,
  );
}

function row(set: EvalSet): string {
  const labels = set.rows.map((r) => r.negative);
  const aucs = SIGNALS.map((signal) => {
    const t0 = performance.now();
    const scores = set.rows.map((r) => signal.score(r.text));
    const ms = performance.now() - t0;
    const auc = rocAuc(scores, labels);
    process.stderr.write(`  ${set.name} · ${signal.name}: AUC ${auc.toFixed(4)} (${ms.toFixed(0)} ms)\n`);
    return auc.toFixed(3);
  });
  const pos = labels.filter(Boolean).length;
  return `| ${set.name} | ${set.rows.length} | ${pos} × ${set.target} | ${aucs.join(' | ')} |`;
}

/** natural divides by the token count: a text with no Latin tokens (all Chinese) gives NaN, which means "no signal". */
function finite(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

// Fit, then test: what a data team gets from `fit` on its own labelled history, against a plain
// hashed n-gram regression trained on the same rows, with the same folds, in this run.
const FOLDS = 5;
const fitSets = sets.filter((set) => set.target === 'complaint' || set.language === 'zh');
if (fitSets.length > 0) {
  const fitTable = [
    `\nFit then test (${FOLDS}-fold cross-validation, out-of-fold ROC AUC pooled; per-fold mean ± sd):`,
    '| data set | n | fit: learned terms + lexicon | fit: lexicon only (terms off) | hashed word/char uni+bigram LR |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const set of fitSets) {
    const folds = stratifiedFolds(set.rows, FOLDS);
    // The built-in lexicon holds words mined from the complaint tweets: leave them out there, so no fold's lexicon saw its own rows.
    const analyzer = set.target === 'complaint' ? lexiconWithoutMinedWords() : undefined;
    const learned = crossValidateFit(set.rows, folds, FOLDS, {}, analyzer);
    const lexicon = crossValidateFit(set.rows, folds, FOLDS, { terms: false }, analyzer);
    const baseline = crossValidateBaseline(set.rows, folds, FOLDS);
    for (const [name, r] of [['learned terms', learned], ['lexicon only', lexicon], ['hashed baseline', baseline]] as const)
      process.stderr.write(`  ${set.name} · fit then test · ${name}: AUC ${r.pooled.toFixed(4)} (${(r.ms / 1000).toFixed(1)} s${r.terms > 0 ? `, ${Math.round(r.terms)} terms a fold` : ''})\n`);
    fitTable.push(`| ${set.name}${analyzer !== undefined ? ' (lexicon without its mined words)' : ''} | ${set.rows.length} | ${cell(learned)} (${Math.round(learned.terms)} terms) | ${cell(lexicon)} | ${cell(baseline)} |`);
  }
  console.log(fitTable.join('\n'));
}

function cell(r: FitThenTest): string {
  return `${r.pooled.toFixed(3)} (${r.mean.toFixed(3)} ± ${r.sd.toFixed(3)})`;
}

/** An analyzer with the built-in lexicon minus the entries mined from the shared complaint tweets. */
function lexiconWithoutMinedWords(): TextAnalyzer {
  const lexicon = compileLexicon(builtinEntries((kind) => kind !== 'mined'));
  const analyzer = {
    analyze: (text: string) => scanText(text, lexicon, undefined),
    // The scorer and fit read terms in the same pass through this (see stringAnalyzerOf).
    scanString: (text: string, observer?: Parameters<typeof scanText>[3]) => scanText(text, lexicon, undefined, observer),
  };
  return analyzer as TextAnalyzer;
}
