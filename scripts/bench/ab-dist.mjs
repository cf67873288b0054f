// Two builds of the library side by side in one process: first whether they
// agree (JSON of analyzeText, of a custom-lexicon analyzer and of score() on
// the bench texts, every built-in term and generated texts made of terms,
// modifiers and fragments of the bench texts), then their speed in
// interleaved passes (the order alternates each round), timed by CPU time
// so other work on the machine weighs less. On a shared machine two runs of
// one build differ by a few percent: read the median ratio with its spread.
//
//   node scripts/bench/ab-dist.mjs OLD_DIST NEW_DIST [rounds] [kinds] [generated]
//
// e.g. copy dist/ of main to /tmp/base-dist, build your branch, then
//   node scripts/bench/ab-dist.mjs /tmp/base-dist dist 31 tzh,ten,zh,en,szh,pzh
// kinds: tzh, ten (analyzeText on traffic texts), zh, en (template texts),
// szh, sen (score() with explanations on traffic texts), pzh (probability()).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { seededRandom } from './seeded-random.mjs';
import { interleave, quantile } from './interleaved.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [oldDir, newDir, roundsArg, kindsArg, generatedArg] = process.argv.slice(2);
if (oldDir === undefined || newDir === undefined) {
  console.error('usage: node scripts/bench/ab-dist.mjs OLD_DIST NEW_DIST [rounds] [kinds] [generated]');
  process.exit(2);
}
const load = (dir) => import(pathToFileURL(resolve(dir, 'index.js')).href);
const A = await load(oldDir);
const B = await load(newDir);
const texts = JSON.parse(readFileSync(`${root}fixtures/bench/texts.json`, 'utf8'));
const traffic = texts.traffic;

// --- agreement ---
const lexiconSource = readFileSync(`${root}src/text/lexicon/builtin-lexicon.ts`, 'utf8');
const terms = JSON.parse(/export const TERMS = ("(?:[^"\\]|\\.)*")/.exec(lexiconSource)[1]).split('\n').map((t) => t.replaceAll('{n}', '3'));
const next = seededRandom(12345);
const pick = (list) => list[Math.floor(next() * list.length)];
const samples = [...texts.zhShort, ...texts.enShort, ...texts.mixedTranscripts, ...traffic.zh, ...traffic.en, ...traffic.longChats.flat().map((t) => t.text)];
const GLUE = [' ', '  ', '', '，', '。', '!', '?!', '\n', ' not ', '不', '没', '很', '还没', '不是很', ' very ', ' but ', '但是', '3', '两个多', ' 5 ', 'ABC', "n't ", '#', '@x ', 'http://a.b/c ', '😡', '謝謝', '！！'];
function generated() {
  const parts = [];
  for (let k = 1 + Math.floor(next() * 12); k > 0; k--) {
    const r = next();
    if (r < 0.45) parts.push(pick(terms));
    else if (r < 0.75) parts.push(pick(GLUE));
    else {
      const s = pick(samples);
      const at = Math.floor(next() * s.length);
      parts.push(s.slice(at, at + 1 + Math.floor(next() * 20)));
    }
  }
  const text = parts.join(next() < 0.5 ? '' : ' ');
  return next() < 0.2 ? text.toUpperCase() : text;
}
const all = [...samples, ...terms, ...Array.from({ length: Number(generatedArg ?? 30000) }, generated)];
const custom = {
  entries: [
    { text: '还没', kind: 'negation' },
    { text: 'not great', kind: 'negative' },
    { text: '没人理', kind: 'unresolved' },
    { text: 'refund', kind: 'positive' },
    { text: '等了{n}天', kind: 'wait' },
    { text: 'very very', kind: 'intensifier' },
    { text: '很好', kind: 'ignore' },
  ],
};
const [customA, customB] = [A.createTextAnalyzer({ lexicon: custom }), B.createTextAnalyzer({ lexicon: custom })];
const [scorerA, scorerB] = [A.createScorer(), B.createScorer()];
let differences = 0;
const differ = (what, text, a, b) => {
  if (a === b) return;
  if (differences++ < 5) console.log(`${what} differs on ${JSON.stringify(text)}\n  old ${a}\n  new ${b}`);
};
for (const text of all) {
  differ('analyzeText', text, JSON.stringify(A.analyzeText(text)), JSON.stringify(B.analyzeText(text)));
  differ('custom lexicon', text, JSON.stringify(customA.analyze(text)), JSON.stringify(customB.analyze(text)));
  const input = { channel: 'chat', waitSeconds: 60, text };
  differ('score', text, JSON.stringify(scorerA.score(input)), JSON.stringify(scorerB.score(input)));
}
console.log(`agreement: ${all.length} texts, ${differences} differences`);

// --- speed ---
const CHANNELS = ['social', 'app', 'chat', 'phone', '在线', 'email'];
const signals = (i) => ({ waitSeconds: (i * 53) % 2400, repeatContacts: i % 3, transfers: (i >> 1) % 3, unresolved: i % 2 === 0 });
const zhInputs = traffic.zh.map((text, i) => ({ channel: CHANNELS[i % 6], ...signals(i), text }));
const enInputs = traffic.en.map((text, i) => ({ channel: CHANNELS[i % 6], ...signals(i), text }));
function work(lib) {
  const scorer = lib.createScorer();
  return {
    tzh: [traffic.zh, (t) => lib.analyzeText(t).sentiment],
    ten: [traffic.en, (t) => lib.analyzeText(t).sentiment],
    zh: [texts.zhShort, (t) => lib.analyzeText(t).sentiment],
    en: [texts.enShort, (t) => lib.analyzeText(t).sentiment],
    szh: [zhInputs, (x) => scorer.score(x).factors.length],
    sen: [enInputs, (x) => scorer.score(x).factors.length],
    pzh: [zhInputs, (x) => scorer.probability(x)],
  };
}
const [workA, workB] = [work(A), work(B)];
const kinds = (kindsArg ?? 'tzh,ten,zh,en,szh,pzh').split(',');
const rounds = Number(roundsArg ?? 21);
const measured = interleave(workA, workB, kinds, rounds);
for (const k of kinds) {
  const rates = measured[k];
  const rate = (xs) => `${(quantile(xs, 0.5) / 1e3).toFixed(0)} k/s`;
  console.log(`${k.padEnd(4)} old ${rate(rates.a)}  new ${rate(rates.b)}  new/old median ${quantile(rates.ratio, 0.5).toFixed(3)} (p25 ${quantile(rates.ratio, 0.25).toFixed(3)}, p75 ${quantile(rates.ratio, 0.75).toFixed(3)}, ${rounds} rounds)`);
}
