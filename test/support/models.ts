import { defaultModel, type Model } from '../../src/index.js';

/** The built-in model plus a small learned-terms feature (weight 1, reference 0): a model with every kind of text feature. */
export function withLearnedTerms(id: string): Model {
  return {
    ...defaultModel,
    id,
    features: [...defaultModel.features, { id: 'terms', kind: 'terms', terms: [['refund', 0.7], ['退款', 0.9]] }],
    weights: { ...defaultModel.weights, terms: 1 },
    reference: { ...defaultModel.reference, values: { ...defaultModel.reference.values, terms: 0 } },
  };
}
