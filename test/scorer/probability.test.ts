import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ComplaintRiskInputError, createScorer, createSession, defaultModel, parseModel, type Interaction, type Model, type Scorer } from '../../src/index.js';
import { hostileString, validInteraction } from '../support/arbitraries.js';

/** The default model with learned terms, a category and a numeric attribute, and a points scale: every kind of column. */
const richModel: Model = parseModel({
  ...defaultModel,
  id: 'rich',
  features: [
    ...defaultModel.features,
    { id: 'terms', kind: 'terms', terms: [['refund', 0.7], ['thanks', -0.4], ['退款', 0.9], ['still waiting', 1.1]] },
    { id: 'tier', kind: 'attribute', name: 'tier', type: 'category', levels: ['silver', 'bronze'], referenceLevel: 'gold', unseenLevels: 'reference' },
    { id: 'tenure', kind: 'attribute', name: 'tenureYears', type: 'number', transform: 'log1p', cap: 5 },
  ],
  weights: { ...defaultModel.weights, terms: 1, 'tier.silver': 0.3, 'tier.bronze': 0.8, tenure: -0.2 },
  reference: { ...defaultModel.reference, values: { ...defaultModel.reference.values, terms: 0, 'tier.silver': 0, 'tier.bronze': 0, tenure: 0 } },
  points: { base: 600, odds: 19, pdo: 50 },
});

/** A model whose log-odds often pass their bound, so the clamp is exercised too. */
const extremeModel: Model = parseModel({ ...defaultModel, id: 'extreme', weights: { ...defaultModel.weights, unresolved: 40, repeatContacts: -30, intent: 25 } });

/** What probability() threw (its issues), or its value. */
function outcome(run: () => number | { probability: number }): { value?: number; issues?: unknown } {
  try {
    const r = run();
    return { value: typeof r === 'number' ? r : r.probability };
  } catch (error) {
    expect(error).toBeInstanceOf(ComplaintRiskInputError);
    return { issues: (error as ComplaintRiskInputError).issues };
  }
}

describe('scorer.probability()', () => {
  for (const [name, scorer] of [
    ['default model', createScorer()],
    ['terms, attributes and points', createScorer(richModel)],
    ['log-odds past their bound', createScorer(extremeModel)],
  ] as [string, Scorer][]) {
    it(`is score(input).probability bit for bit (${name})`, () => {
      fc.assert(
        fc.property(validInteraction, (interaction) => {
          // A generated attribute may have a type the rich model refuses: then both refuse it alike.
          const byProbability = outcome(() => scorer.probability(interaction));
          const byScore = outcome(() => scorer.score(interaction));
          expect(byProbability).toEqual(byScore);
          // Object.is: the same bits (toEqual would pass +0 for -0).
          if (byScore.value !== undefined) expect(Object.is(byProbability.value, byScore.value)).toBe(true);
        }),
        { numRuns: 800 },
      );
    });
  }

  it('agrees on texts built to break text handling, strings and transcripts', () => {
    const scorer = createScorer(richModel);
    fc.assert(
      fc.property(
        fc.oneof(hostileString, fc.array(fc.record({ speaker: fc.constantFrom('customer' as const, 'agent' as const), text: hostileString }), { maxLength: 5 })),
        fc.constantFrom<Interaction['channel']>('phone', 'chat', '在线'),
        (text, channel) => {
          const input: Interaction = { channel, waitSeconds: 300, text };
          expect(Object.is(scorer.probability(input), scorer.score(input).probability)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('equals a live session’s probability after every turn', () => {
    const scorer = createScorer(richModel);
    fc.assert(
      fc.property(fc.array(fc.record({ speaker: fc.constantFrom('customer' as const, 'agent' as const), text: hostileString }), { minLength: 1, maxLength: 5 }), (turns) => {
        const session = createSession({ channel: 'chat', waitSeconds: 120 }, { model: richModel });
        for (let i = 0; i < turns.length; i++) {
          const result = session.addTurn(turns[i]!);
          expect(Object.is(scorer.probability({ channel: 'chat', waitSeconds: 120, text: turns.slice(0, i + 1) }), result.probability)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('validates exactly as score() does: the same errors for the same input', () => {
    const scorer = createScorer(createScorer(richModel).model);
    const strict = createScorer(parseModel({ ...richModel, features: richModel.features.map((f) => (f.id === 'tier' ? { ...f, unseenLevels: 'refuse' } : f)) }));
    const inputs = fc.oneof(
      fc.anything(),
      fc.record({ channel: fc.oneof(fc.constant('phone'), fc.string()), waitSeconds: fc.oneof(fc.double(), fc.string()), text: fc.oneof(fc.string(), fc.anything()) }, { requiredKeys: [] }),
      fc.record({ channel: fc.constant('phone'), attributes: fc.dictionary(fc.constantFrom('tier', 'tenureYears'), fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean())) }),
    );
    fc.assert(
      fc.property(inputs, (input) => {
        for (const s of [scorer, strict]) {
          const byScore = outcome(() => s.score(input as Interaction));
          const byProbability = outcome(() => s.probability(input as Interaction));
          expect(byProbability).toEqual(byScore);
        }
      }),
      { numRuns: 600 },
    );
    expect(() => strict.probability({ channel: 'phone', attributes: { tier: 'platinum' } })).toThrow(/attributes\.tier.*not a level/);
    expect(() => scorer.probability({ channel: 'fax' } as unknown as Interaction)).toThrow(ComplaintRiskInputError);
  });
});
