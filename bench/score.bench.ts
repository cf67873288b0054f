// score() and safeScore() throughput on the shared inputs. Run alone with
// `npx vitest bench --run bench/score.bench.ts`; `npm run bench` summarises.
import { bench, describe } from 'vitest';
import { lib } from './library.js';
import { benchOptions, enShort, mixedTranscripts, numericOnly, sink, untrustedJson, zhShort } from './bench-inputs.js';
import type { Interaction } from '../src/index.js';

const scorer = lib.createScorer();
const options = benchOptions();

function scoreAll(list: readonly Interaction[]): void {
  let total = 0;
  for (let i = 0; i < list.length; i++) {
    const result = scorer.score(list[i] as Interaction);
    total += result.probability + result.factors.length;
  }
  sink.value += total;
}

describe('score()', () => {
  bench(`numeric only (${numericOnly.length} calls)`, () => scoreAll(numericOnly), options);
  bench(`zh ~30 chars + 4 signals (${zhShort.length} calls)`, () => scoreAll(zhShort), options);
  bench(`en short (${enShort.length} calls)`, () => scoreAll(enShort), options);
  bench(`mixed zh/en transcript 2,000 chars (${mixedTranscripts.length} calls)`, () => scoreAll(mixedTranscripts), options);
});

function probabilityAll(list: readonly Interaction[]): void {
  let total = 0;
  for (let i = 0; i < list.length; i++) total += scorer.probability(list[i] as Interaction);
  sink.value += total;
}

describe('probability()', () => {
  bench(`probability only, numeric (${numericOnly.length} calls)`, () => probabilityAll(numericOnly), options);
  bench(`probability only, zh ~30 chars + 4 signals (${zhShort.length} calls)`, () => probabilityAll(zhShort), options);
  bench(`probability only, en short (${enShort.length} calls)`, () => probabilityAll(enShort), options);
});

describe('safeScore()', () => {
  bench(`JSON.parse + safeScore, untrusted rows (${untrustedJson.length} calls)`, () => {
    let total = 0;
    for (let i = 0; i < untrustedJson.length; i++) {
      const outcome = scorer.safeScore(JSON.parse(untrustedJson[i] as string));
      total += outcome.ok ? outcome.result.probability : outcome.error.issues.length;
    }
    sink.value += total;
  }, options);
});
