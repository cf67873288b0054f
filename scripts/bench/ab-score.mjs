// score() and probability() of two builds side by side in one process, on the
// inputs of the issue-12 score targets and of bench/terms.bench.ts: first
// whether they agree (JSON of every result), then interleaved passes timed
// by CPU time, the order alternating each round (as ab-dist.mjs does for
// the analyser). Learned-terms kinds need the bench models as JSON files:
//   npx tsx scripts/bench/dump-terms-models.mts DIR   (writes DIR/fitted-model.json, DIR/ngram-model.json)
//   node scripts/bench/ab-score.mjs OLD_DIST NEW_DIST [rounds] [kinds] [models DIR]
// kinds: num, pnum (numeric signals only), szh, sen, pzh (traffic posts + 4 signals),
// dzh, den (template texts, default model), fzh, fen (the 5,000-term fitted model),
// gzh, gen (the every-n-gram model); pfzh, pfen: probability() with the fitted model.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { interleave, quantile } from './interleaved.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [oldDir, newDir, roundsArg, kindsArg, modelsDir = '/tmp'] = process.argv.slice(2);
if (oldDir === undefined || newDir === undefined) {
  console.error('usage: node scripts/bench/ab-score.mjs OLD_DIST NEW_DIST [rounds] [kinds] [models dir]');
  process.exit(2);
}
const load = (dir) => import(pathToFileURL(resolve(dir, 'index.js')).href);
const A = await load(oldDir);
const B = await load(newDir);
const texts = JSON.parse(readFileSync(`${root}fixtures/bench/texts.json`, 'utf8'));
const readModel = (name) => {
  const file = resolve(modelsDir, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
};
const models = { default: undefined, fitted: readModel('fitted-model.json'), ngram: readModel('ngram-model.json') };

const CHANNELS = ['social', 'app', 'chat', 'phone', '在线', 'email'];
const BENCH_CHANNELS = ['phone', 'chat', 'email', 'app', '电话', '在线', 'branch', 'social'];
const traffic = (i) => ({ waitSeconds: (i * 53) % 2400, repeatContacts: i % 3, transfers: (i >> 1) % 3, unresolved: i % 2 === 0 });
const benchSignals = (i) => ({ waitSeconds: (i * 37) % 1800, repeatContacts: i % 4, transfers: (i >> 2) % 3, priorComplaints: i % 5 === 0 ? 1 : 0 });
const inputs = {
  numeric: Array.from({ length: 64 }, (_, i) => ({ channel: BENCH_CHANNELS[i % 8], ...benchSignals(i) })),
  trafficZh: texts.traffic.zh.map((text, i) => ({ channel: CHANNELS[i % 6], ...traffic(i), text })),
  trafficEn: texts.traffic.en.map((text, i) => ({ channel: CHANNELS[i % 6], ...traffic(i), text })),
  zh: texts.zhShort.map((text, i) => ({ channel: BENCH_CHANNELS[i % 8], ...benchSignals(i), text })),
  en: texts.enShort.map((text, i) => ({ channel: BENCH_CHANNELS[i % 8], ...benchSignals(i), text })),
  // Waits across every wording under an hour and past it, on every channel, with counts past the small ones.
  sweep: Array.from({ length: 6000 }, (_, i) => ({ channel: BENCH_CHANNELS[i % 8], waitSeconds: i * 0.7, repeatContacts: i % 70, transfers: (i * 7) % 67, priorComplaints: (i * 3) % 65, unresolved: i % 3 === 0 })),
  transcripts: texts.mixedTranscripts.map((text, i) => ({ channel: BENCH_CHANNELS[i % 8], ...benchSignals(i), unresolved: true, text })),
};

function scorers(lib) {
  const out = {};
  for (const [name, model] of Object.entries(models)) if (name === 'default' || model !== undefined) out[name] = lib.createScorer(model);
  return out;
}
const [scA, scB] = [scorers(A), scorers(B)];

// --- agreement ---
let differences = 0;
let compared = 0;
for (const name of Object.keys(scA)) {
  for (const [set, list] of Object.entries(inputs)) {
    for (const input of list) {
      const variants = [input, { ...input, history: [{ at: '2026-11-20T10:00:00Z', complained: true }, { at: '2026-11-28T10:00:00Z' }], now: '2026-12-01T10:00:00Z' }];
      for (const x of variants) {
        const a = JSON.stringify(scA[name].safeScore(x));
        const b = JSON.stringify(scB[name].safeScore(x));
        const pa = scA[name].probability(input);
        const pb = scB[name].probability(input);
        compared++;
        if (a !== b || !Object.is(pa, pb)) {
          if (differences++ < 5) console.log(`${name} model, ${set}: differs on ${JSON.stringify(x).slice(0, 200)}\n  old ${a.slice(0, 600)}\n  new ${b.slice(0, 600)}`);
        }
      }
    }
  }
}
console.log(`agreement: ${compared} inputs × models, ${differences} differences`);

// --- speed ---
function work(sc) {
  const s = (scorer, list) => [list, (x) => scorer.score(x).factors.length];
  const p = (scorer, list) => [list, (x) => scorer.probability(x)];
  return {
    num: s(sc.default, inputs.numeric),
    pnum: p(sc.default, inputs.numeric),
    szh: s(sc.default, inputs.trafficZh),
    sen: s(sc.default, inputs.trafficEn),
    pzh: p(sc.default, inputs.trafficZh),
    dzh: s(sc.default, inputs.zh),
    den: s(sc.default, inputs.en),
    ...(sc.fitted && { fzh: s(sc.fitted, inputs.zh), fen: s(sc.fitted, inputs.en), pfzh: p(sc.fitted, inputs.zh), pfen: p(sc.fitted, inputs.en) }),
    ...(sc.ngram && { gzh: s(sc.ngram, inputs.zh), gen: s(sc.ngram, inputs.en) }),
  };
}
const [workA, workB] = [work(scA), work(scB)];
const kinds = (kindsArg ?? 'num,szh,pzh').split(',').filter((k) => workA[k] !== undefined);
const rounds = Number(roundsArg ?? 15);
const measured = interleave(workA, workB, kinds, rounds);
const rate = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(0)} k/s`);
const spread = (xs) => `${rate(quantile(xs, 0.5))} (${rate(quantile(xs, 0.25))}–${rate(quantile(xs, 0.75))})`;
for (const k of kinds) {
  const { a, b, ratio } = measured[k];
  console.log(
    `${k.padEnd(4)} old ${spread(a)}  new ${spread(b)}  new/old ${quantile(ratio, 0.5).toFixed(3)} (p25 ${quantile(ratio, 0.25).toFixed(3)}, p75 ${quantile(ratio, 0.75).toFixed(3)}, ${rounds} rounds)`,
  );
}
