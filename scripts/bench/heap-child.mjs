// Run with --expose-gc (scripts/bench/heap.mjs does). Two measures on the built
// library:
// 1. bytes allocated per score() call: heapUsed before/after a run short
//    enough that no garbage collection happens in between (checked);
// 2. heap growth over CALLS score() calls: heapUsed after full GCs at
//    checkpoints; a leak (a cache, a listener, a growing buffer) shows as a trend.
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { distDir } from './child.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { createScorer } = await import(`${distDir()}index.js`);
const texts = JSON.parse(readFileSync(`${root}fixtures/bench/texts.json`, 'utf8'));
const CALLS = Number(process.argv[2] ?? 1_000_000);

const scorer = createScorer();
const numeric = (i) => ({ waitSeconds: (i * 37) % 1800, repeatContacts: i % 4, transfers: (i >> 2) % 3, priorComplaints: i % 5 === 0 ? 1 : 0 });
const sets = {
  numeric: Array.from({ length: 64 }, (_, i) => ({ channel: 'phone', ...numeric(i) })),
  zh: texts.zhShort.map((text, i) => ({ channel: 'chat', ...numeric(i), text })),
  en: texts.enShort.map((text, i) => ({ channel: 'email', ...numeric(i), text })),
};
const mixed = [...sets.zh, ...sets.en, ...sets.numeric];

let sink = 0;
let gcs = 0;
new PerformanceObserver((list) => (gcs += list.getEntries().length)).observe({ entryTypes: ['gc'] });
const tick = () => new Promise((resolve) => setTimeout(resolve, 20)); // lets the gc observer report

function fullGc() {
  globalThis.gc();
  globalThis.gc();
}

async function bytesPerCall(list, calls) {
  const samples = [];
  for (let attempt = 0; attempt < 15 && samples.length < 7; attempt++) {
    fullGc();
    await tick();
    const gcsBefore = gcs;
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < calls; i++) sink += scorer.score(list[i % list.length]).probability;
    const after = process.memoryUsage().heapUsed;
    await tick();
    if (gcs === gcsBefore) samples.push((after - before) / calls);
  }
  samples.sort((a, b) => a - b);
  return samples.length === 0 ? null : samples[samples.length >> 1];
}

for (let i = 0; i < 50_000; i++) sink += scorer.score(mixed[i % mixed.length]).probability; // warm the JIT

const perCall = {};
for (const [name, list] of Object.entries(sets)) perCall[name] = await bytesPerCall(list, 5_000);

fullGc();
const baseline = process.memoryUsage().heapUsed;
const checkpoints = [];
const step = CALLS / 4;
for (let done = 0; done < CALLS; ) {
  for (let i = 0; i < step; i++, done++) sink += scorer.score(mixed[done % mixed.length]).probability;
  fullGc();
  checkpoints.push({ calls: done, heapUsed: process.memoryUsage().heapUsed });
}
const final = checkpoints[checkpoints.length - 1].heapUsed;
console.log(JSON.stringify({ calls: CALLS, perCall, baseline, checkpoints, growth: final - baseline, sink: Number.isFinite(sink) }));
