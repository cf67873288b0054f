import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScorer, createTextAnalyzer, defaultModel, parseModel, type Model, type Scorer } from '../../src/index.js';
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

  it('scores right when a caller\'s own analyzer scores with the same scorer while it reads (the scorer\'s context is filled after it returns)', () => {
    const words = createTextAnalyzer();
    let scorer: Scorer | undefined;
    const nested = { channel: 'chat', repeatContacts: 2, text: '又送错了，我要投诉！！！' } as const;
    const analyzer = {
      analyze(text: string | readonly { speaker: 'customer' | 'agent'; text: string }[]) {
        if (text === '太差了，等了半小时没人理') scorer?.score(nested);
        return words.analyze(text);
      },
    };
    scorer = createScorer(undefined, { analyzer });
    const outer = { channel: 'social', waitSeconds: 1800, text: '太差了，等了半小时没人理' } as const;
    expect(JSON.stringify(scorer.score(outer))).toBe(JSON.stringify(createScorer().score(outer)));
    expect(scorer.probability(outer)).toBe(createScorer().probability(outer));
  });
});
