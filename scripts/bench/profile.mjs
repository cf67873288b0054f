// A steady loop over one kind of input for `node --cpu-prof`, to see where
// score() or analyzeText spends its time:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/bench/profile.mjs zh [seconds]
// kinds: numeric, zh, en, mixed, safe (JSON.parse + safeScore), text-zh, text-en.
// Uses the build in $BENCH_DIST or dist/ (run `npx tsup` first).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { distDir } from './child.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { analyzeText, createScorer } = await import(`${distDir()}index.js`);
const texts = JSON.parse(readFileSync(`${root}fixtures/bench/texts.json`, 'utf8'));
const kind = process.argv[2] ?? 'zh';
const seconds = Number(process.argv[3] ?? 3);

const scorer = createScorer();
const numeric = (i) => ({ waitSeconds: (i * 37) % 1800, repeatContacts: i % 4, transfers: (i >> 2) % 3, priorComplaints: i % 5 === 0 ? 1 : 0 });
const inputs = {
  numeric: Array.from({ length: 64 }, (_, i) => ({ channel: 'phone', ...numeric(i) })),
  zh: texts.zhShort.map((text, i) => ({ channel: 'chat', ...numeric(i), text })),
  en: texts.enShort.map((text, i) => ({ channel: 'email', ...numeric(i), text })),
  mixed: texts.mixedTranscripts.map((text, i) => ({ channel: 'chat', ...numeric(i), text })),
};
const jsonRows = [...inputs.zh, ...inputs.en].map((x) => JSON.stringify(x));

const work = {
  safe: (i) => scorer.safeScore(JSON.parse(jsonRows[i % jsonRows.length])).ok,
  'text-zh': (i) => analyzeText(texts.zhShort[i % 64]).sentiment,
  'text-en': (i) => analyzeText(texts.enShort[i % 64]).sentiment,
}[kind] ?? ((i) => scorer.score(inputs[kind][i % inputs[kind].length]).probability);

let calls = 0;
let sink = 0;
const until = performance.now() + seconds * 1000;
while (performance.now() < until) {
  for (let i = 0; i < 1000; i++) sink += Number(work(calls++));
}
console.log(JSON.stringify({ kind, calls, perSecond: calls / seconds, sink: Number.isFinite(sink) }));
