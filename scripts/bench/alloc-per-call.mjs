// Bytes allocated per call of score(), probability() and analyzeText on the
// Chinese traffic posts (the issue-12 targets), and on their numeric signals
// alone, for one build or two side by side:
//   node --expose-gc --min-semi-space-size=128 --max-semi-space-size=128 scripts/bench/alloc-per-call.mjs DIST [DIST2]
// heapUsed before and after CALLS calls that follow a gc(), after a warm-up;
// a window in which a collection ran is measured again (a scavenge would hide
// what it freed), and the median of five windows is printed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dirs = process.argv.slice(2);
if (dirs.length === 0 || typeof gc !== 'function') {
  console.error('usage: node --expose-gc --min-semi-space-size=128 --max-semi-space-size=128 scripts/bench/alloc-per-call.mjs DIST [DIST2]');
  process.exit(2);
}
const CALLS = 16_000;
const texts = JSON.parse(readFileSync(`${root}fixtures/bench/texts.json`, 'utf8'));
// The inputs of ab-score.mjs's szh / pzh kinds.
const CHANNELS = ['social', 'app', 'chat', 'phone', '在线', 'email'];
const traffic = (i) => ({ waitSeconds: (i * 53) % 2400, repeatContacts: i % 3, transfers: (i >> 1) % 3, unresolved: i % 2 === 0 });
const zh = texts.traffic.zh.map((text, i) => ({ channel: CHANNELS[i % 6], ...traffic(i), text }));
const numeric = zh.map(({ text: _text, ...signals }) => signals);

let collections = 0;
new PerformanceObserver((list) => (collections += list.getEntries().length)).observe({ entryTypes: ['gc'] });

function perCall(work) {
  const keep = new Array(1000);
  for (let i = 0; i < 100_000; i++) keep[i % 1000] = work(i);
  const windows = [];
  while (windows.length < 5) {
    keep.fill(undefined);
    gc();
    const seen = collections;
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < CALLS; i++) keep[i % 1000] = work(i);
    const after = process.memoryUsage().heapUsed;
    if (collections === seen) windows.push((after - before) / CALLS);
  }
  return windows.sort((a, b) => a - b)[2];
}

for (const dir of dirs) {
  const lib = await import(pathToFileURL(resolve(dir, 'index.js')).href);
  const scorer = lib.createScorer();
  const analyzer = lib.createTextAnalyzer();
  const kinds = {
    'score() zh': (i) => scorer.score(zh[i & 63]),
    'probability() zh': (i) => scorer.probability(zh[i & 63]),
    'analyzeText zh': (i) => lib.analyzeText(zh[i & 63].text),
    // An analyzer of one's own keeps its rules' state from text to text; analyzeText's shared one may not.
    'own analyzer zh': (i) => analyzer.analyze(zh[i & 63].text),
    'score() numeric': (i) => scorer.score(numeric[i & 63]),
    'probability() numeric': (i) => scorer.probability(numeric[i & 63]),
  };
  console.log(dir);
  for (const [name, work] of Object.entries(kinds)) console.log(`  ${name.padEnd(22)} ${perCall(work).toFixed(0).padStart(5)} B/call`);
}
