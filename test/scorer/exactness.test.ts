import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScorer, logit, defaultModel, parseModel } from '../../src/index.js';
import { validInteraction } from '../support/arbitraries.js';

const scorer = createScorer();

function explainedGap(result: ReturnType<typeof scorer.score>): number {
  return result.factors.reduce((sum, f) => sum + f.contribution, 0) - (logit(result.probability) - logit(result.reference.probability));
}

describe('explanations are exact', () => {
  it('factor contributions sum to logit(p) − logit(p_ref) within 1e-9 for random interactions', () => {
    fc.assert(
      fc.property(validInteraction, (interaction) => {
        const result = scorer.score(interaction);
        expect(Math.abs(explainedGap(result))).toBeLessThan(1e-9);
        expect(result.probability).toBeGreaterThanOrEqual(0);
        expect(result.probability).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1500 },
    );
  });

  it('stays exact when a model pushes the log-odds past their bound', () => {
    const extreme = parseModel({ ...defaultModel, weights: { ...defaultModel.weights, unresolved: 40, repeatContacts: -30 } });
    const s = createScorer(extreme);
    for (const input of [
      { channel: 'phone', unresolved: true },
      { channel: 'phone', repeatContacts: 20 },
      { channel: 'phone', unresolved: true, repeatContacts: 3 },
    ]) {
      const result = s.score(input);
      expect(Math.abs(explainedGap(result))).toBeLessThan(1e-9);
    }
    const capped = s.score({ channel: 'phone', unresolved: true });
    expect(capped.factors.map((f) => f.id)).toContain('logOddsBound');
  });

  it('stays exact when the reference itself sits far past the bound', () => {
    // A reference log-odds of millions (a model file may hold a reference value of 1e7): forming it plus a few
    // contributions and taking it away again loses its last digits (~2e-9 here), more than the contract allows.
    for (const [column, value] of [['intent', 1e7], ['intent', -1e7], ['wait', 3e6], ['negativity', -2e6]] as const) {
      const s = createScorer(parseModel({ ...defaultModel, reference: { ...defaultModel.reference, values: { ...defaultModel.reference.values, [column]: value } } }));
      for (const input of [{ channel: 'phone', transfers: 14 }, { channel: 'chat', repeatContacts: 3, unresolved: true, waitSeconds: 900 }, { channel: 'branch', text: '我要投诉，太差了' }]) {
        const result = s.score(input);
        // Factors that are themselves millions (the text's intent against that reference) carry their own last digits.
        const magnitude = result.factors.reduce((sum, f) => sum + Math.abs(f.contribution), 0);
        expect(Math.abs(explainedGap(result)), `${column} ${value} ${JSON.stringify(input)}`).toBeLessThan(1e-9 + 1e-14 * magnitude);
      }
    }
  });

  it('sorts factors by |contribution| and marks their direction', () => {
    fc.assert(
      fc.property(validInteraction, (interaction) => {
        const { factors } = scorer.score(interaction);
        for (let i = 1; i < factors.length; i++)
          expect(Math.abs(factors[i - 1]!.contribution)).toBeGreaterThanOrEqual(Math.abs(factors[i]!.contribution));
        for (const f of factors) expect(f.direction).toBe(f.contribution > 0 ? 'raises' : 'lowers');
      }),
      { numRuns: 300 },
    );
  });

  it('a reference-like interaction has the reference probability and no factors', () => {
    const result = scorer.score({ channel: 'phone', waitSeconds: 20 });
    expect(result.factors).toEqual([]);
    expect(result.probability).toBe(result.reference.probability);
  });
});

describe('evidence', () => {
  it('every evidence span slices back to its text in the customer text', () => {
    fc.assert(
      fc.property(validInteraction, (interaction) => {
        const result = scorer.score(interaction);
        const text = interaction.text;
        const customer =
          text === undefined ? '' : typeof text === 'string' ? text : text.filter((t) => t.speaker === 'customer').map((t) => t.text).join('\n');
        for (const f of result.factors) for (const e of f.evidence ?? []) expect(customer.slice(e.start, e.end)).toBe(e.text);
      }),
      { numRuns: 500 },
    );
  });

  it('quotes the triggering words in the reasons', () => {
    const result = scorer.score({ channel: 'phone', text: '我要投诉你们！' });
    const intent = result.factors.find((f) => f.id === 'intent');
    expect(intent?.evidence?.some((e) => e.text.includes('投诉'))).toBe(true);
    expect(intent?.reason.zh).toContain('投诉');
    expect(intent?.reason.en).toContain('投诉');
  });
});
