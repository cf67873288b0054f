// Any number of builds side by side in one fresh process, on one kind of work, passes rotating each round
// (interleaved.mjs's roundRobin), timed by CPU time. Unlike ab-dist.mjs and ab-score.mjs it runs no agreement
// pass first, so each build's code is as warm as in a process that does only this work (the agreement pass's
// custom lexicons and models make the scanner's and scorer's call sites polymorphic and slower). Give a build
// twice (A B A B) to see the run's own noise.
//
//   node scripts/bench/builds.mjs ROUNDS KIND DIST [DIST ...]
// kinds, on the traffic texts (fixtures/bench/texts.json): tzh, ten (analyzeText), izh, ien
// (createTextAnalyzer().analyze), szh, sen (score() with explanations, 4 signals), pzh, pen (probability()).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { quantile, roundRobin } from './interleaved.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [roundsArg, kind, ...dirs] = process.argv.slice(2);
if (kind === undefined || dirs.length === 0) {
  console.error('usage: node scripts/bench/builds.mjs ROUNDS KIND DIST [DIST ...]');
  process.exit(2);
}
const traffic = JSON.parse(readFileSync(`${root}fixtures/bench/texts.json`, 'utf8')).traffic;
const texts = kind.endsWith('en') ? traffic.en : traffic.zh;
const CHANNELS = ['social', 'app', 'chat', 'phone', '在线', 'email'];
const inputs = texts.map((text, i) => ({ channel: CHANNELS[i % 6], waitSeconds: (i * 53) % 2400, repeatContacts: i % 3, transfers: (i >> 1) % 3, unresolved: i % 2 === 0, text }));

async function work(dir) {
  const lib = await import(pathToFileURL(resolve(dir, 'index.js')).href);
  const scorer = lib.createScorer();
  const analyzer = lib.createTextAnalyzer();
  switch (kind[0]) {
    case 't':
      return [texts, (t) => lib.analyzeText(t).sentiment];
    case 'i':
      return [texts, (t) => analyzer.analyze(t).sentiment];
    case 's':
      return [inputs, (x) => scorer.score(x).factors.length];
    case 'p':
      return [inputs, (x) => scorer.probability(x)];
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}
const works = [];
for (const dir of dirs) works.push(await work(dir));
const measured = roundRobin(works, Number(roundsArg));
const k = (x) => `${(x / 1e3).toFixed(0)} k/s`;
dirs.forEach((dir, i) => {
  const { rates, ratio } = measured[i];
  const vs = i === 0 ? '' : `  ÷ first: ${quantile(ratio, 0.5).toFixed(3)} (p25 ${quantile(ratio, 0.25).toFixed(3)}, p75 ${quantile(ratio, 0.75).toFixed(3)})`;
  console.log(`${kind} ${dir.padEnd(28)} ${k(quantile(rates, 0.5))} (${k(quantile(rates, 0.25))}–${k(quantile(rates, 0.75))})${vs}`);
});
