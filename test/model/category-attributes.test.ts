import { describe, expect, it } from 'vitest';
import { fit, type LabeledRecord } from '../../src/calibrate.js';
import { createScorer, createSession, parseModel, type Model } from '../../src/index.js';

function records(): LabeledRecord[] {
  const tiers = ['gold', 'gold', 'gold', 'silver', 'bronze'];
  return Array.from({ length: 600 }, (_, i) => {
    const tier = tiers[i % 5] as string;
    return { channel: 'phone', waitSeconds: (i * 37) % 900, attributes: { tier, vip: i % 7 === 0 }, label: (tier === 'bronze' && i % 3 === 0) || i % 11 === 0 };
  });
}

describe('category attributes (issue 15, item 21)', () => {
  const { model } = fit(records(), {
    extraFeatures: [
      { id: 'tier', kind: 'attribute', name: 'tier', type: 'category' },
      { id: 'vip', kind: 'attribute', name: 'vip', type: 'boolean' },
    ],
    terms: false,
  });
  const scorer = createScorer(model);

  it('the most common level is the reference and contributes nothing', () => {
    const spec = model.features.find((f) => f.id === 'tier') as Extract<Model['features'][number], { kind: 'attribute' }>;
    expect(spec.referenceLevel).toBe('gold');
    expect(spec.levels).toEqual(expect.arrayContaining(['silver', 'bronze']));
    const gold = scorer.score({ channel: 'phone', attributes: { tier: 'gold' } });
    expect(gold.factors.find((f) => f.id === 'tier')).toBeUndefined();
    expect(gold).toEqual(scorer.score({ channel: 'phone' }));
    expect(scorer.score({ channel: 'phone', attributes: { tier: 'bronze' } }).factors.find((f) => f.id === 'tier')?.contribution).toBeGreaterThan(0);
  });

  it('an unseen level is refused at its path, or scored as the reference when the model says so', () => {
    const outcome = scorer.safeScore({ channel: 'phone', attributes: { tier: 'platinum' } });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.issues).toEqual([expect.objectContaining({ path: 'attributes.tier', code: 'unknown_level', message: expect.stringMatching(/"platinum" is not a level .*gold \(reference\).*unseenLevels: 'reference'/) })]);
    expect(() => createSession({ channel: 'phone', attributes: { tier: 'platinum' } }, { model })).toThrow(/attributes\.tier/);
    const lenient = parseModel({ ...model, features: model.features.map((f) => (f.id === 'tier' ? { ...f, unseenLevels: 'reference' } : f)) });
    const scored = createScorer(lenient).score({ channel: 'phone', attributes: { tier: 'platinum' } });
    expect(scored).toEqual(createScorer(lenient).score({ channel: 'phone' }));
  });

  it('a value of the wrong type is refused, not silently ignored', () => {
    for (const attributes of [{ tier: 3 }, { vip: 'yes' }, { tier: true }]) {
      const outcome = scorer.safeScore({ channel: 'phone', attributes });
      expect(outcome.ok, JSON.stringify(attributes)).toBe(false);
      if (!outcome.ok) expect(outcome.error.issues[0]).toMatchObject({ path: `attributes.${Object.keys(attributes)[0]}`, code: 'invalid_type' });
    }
    // Attributes no feature reads are the caller's business.
    expect(scorer.safeScore({ channel: 'phone', attributes: { note: 5 } }).ok).toBe(true);
  });
});
