import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScorer, defaultModel, parseModel, type Model } from '../../src/index.js';
import { validInteraction } from '../support/arbitraries.js';

/** The default model and one with learned terms: a scorer keeps buffers, a context and a cue digest across calls. */
const termsModel: Model = parseModel({
  ...defaultModel,
  id: 'terms',
  features: [...defaultModel.features, { id: 'terms', kind: 'terms', terms: [['refund', 0.7], ['退款', 0.9], ['still waiting', 1.1]] }],
  weights: { ...defaultModel.weights, terms: 1 },
  reference: { ...defaultModel.reference, values: { ...defaultModel.reference.values, terms: 0 } },
});

describe('a scorer reused across calls', () => {
  for (const model of [undefined, termsModel]) {
    it(`scores each interaction of a mixed run as a new scorer would (${model?.id ?? 'default model'})`, () => {
      const scorer = createScorer(model);
      fc.assert(
        fc.property(fc.array(validInteraction, { minLength: 1, maxLength: 8 }), (run) => {
          // Strings, transcripts and no text in turn: what one call leaves in the scorer must not reach the next.
          const reused = run.map((x) => [JSON.stringify(scorer.safeScore(x)), scorer.probability(x)]);
          const fresh = run.map((x) => {
            const own = createScorer(model);
            return [JSON.stringify(own.safeScore(x)), own.probability(x)];
          });
          expect(reused).toEqual(fresh);
        }),
        { numRuns: 150 },
      );
    });
  }
});
