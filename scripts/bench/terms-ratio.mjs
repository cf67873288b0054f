// The learned-terms target of bench/terms.bench.ts (a 5,000-term model ÷ the
// default model, same inputs) measured in one process with interleaved
// passes, so the noise of a shared machine weighs on both sides alike:
//   node scripts/bench/terms-ratio.mjs [DIST] [MODEL_JSON] [s|p]
// s: score() (the bench's row), p: probability() (the scan and the hits
// alone, without evidence or reasons). The model JSON comes from
// `npx tsx scripts/bench/dump-terms-models.mts /tmp` (default /tmp/fitted-model.json).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { interleave, quantile } from './interleaved.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [dist = `${root}dist`, modelFile = '/tmp/fitted-model.json', mode = 's'] = process.argv.slice(2);
const { createScorer } = await import(pathToFileURL(resolve(dist, 'index.js')).href);
const texts = JSON.parse(readFileSync(`${root}fixtures/bench/texts.json`, 'utf8'));
const CHANNELS = ['phone', 'chat', 'email', 'app', '电话', '在线', 'branch', 'social'];
const signals = (i) => ({ waitSeconds: (i * 37) % 1800, repeatContacts: i % 4, transfers: (i >> 2) % 3, priorComplaints: i % 5 === 0 ? 1 : 0 });
const plain = createScorer();
const learned = createScorer(JSON.parse(readFileSync(modelFile, 'utf8')));
const call = (scorer) => (mode === 'p' ? (x) => scorer.probability(x) : (x) => scorer.score(x).factors.length);
const lists = {
  zh: texts.zhShort.map((text, i) => ({ channel: CHANNELS[i % 8], ...signals(i), text })),
  en: texts.enShort.map((text, i) => ({ channel: CHANNELS[i % 8], ...signals(i), text })),
};
const work = (scorer) => Object.fromEntries(Object.entries(lists).map(([k, list]) => [k, [list, call(scorer)]]));
const measured = interleave(work(plain), work(learned), Object.keys(lists), 21);
const k = (x) => `${(quantile(x, 0.5) / 1e3).toFixed(0)} k/s`;
for (const [name, { a, b, ratio }] of Object.entries(measured))
  console.log(`${name}: default ${k(a)}, learned terms ${k(b)}, learned/default median ${quantile(ratio, 0.5).toFixed(3)} (p25 ${quantile(ratio, 0.25).toFixed(3)}, p75 ${quantile(ratio, 0.75).toFixed(3)}, 21 rounds)`);
