// Models with 5,000 learned terms against the default model, on the same
// inputs in the same run: the target is at least 0.7× the default's
// throughput. Two vocabularies: one `fit` learned from labelled texts of our
// own writing (fitted-terms-model.ts, the realistic case) and every n-gram of
// the bench texts (terms-model.ts, the worst case: nearly every character
// hits). Run alone with `npx vitest bench --run bench/terms.bench.ts`.
import { bench, describe } from 'vitest';
import { lib } from './library.js';
import { benchOptions, enShort, sink, zhShort } from './bench-inputs.js';
import { termsModel } from './terms-model.js';
import { fittedTermsModel } from './fitted-terms-model.js';
import type { Interaction } from '../src/index.js';

const plain = lib.createScorer();
const everyNgram = lib.createScorer(termsModel);
const fitted = lib.createScorer(fittedTermsModel);
const options = benchOptions();

function scoreAll(scorer: typeof plain, list: readonly Interaction[]): void {
  let total = 0;
  for (let i = 0; i < list.length; i++) {
    const result = scorer.score(list[i] as Interaction);
    total += result.probability + result.factors.length;
  }
  sink.value += total;
}

for (const [name, list] of [['zh ~30 chars + 4 signals', zhShort], ['en short', enShort]] as const) {
  describe(`learned terms: ${name}`, () => {
    bench(`default model (${list.length} calls)`, () => scoreAll(plain, list), options);
    bench(`5,000-term fitted model (${list.length} calls)`, () => scoreAll(fitted, list), options);
    bench(`5,000-term every-n-gram model (${list.length} calls)`, () => scoreAll(everyNgram, list), options);
  });
}
