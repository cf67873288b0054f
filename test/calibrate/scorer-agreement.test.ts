import { describe, expect, it } from 'vitest';
import { createScorer, defaultModel, parseModel } from '../../src/index.js';
import { fit } from '../../src/calibrate.js';
import { syntheticData } from '../support/synthetic.js';

describe('a fitted model scores exactly as it was trained', () => {
  it('passes parseModel, and createScorer reproduces the training probabilities', () => {
    const data = syntheticData(3_000, 11);
    const { model, probabilities } = fit(data.records, { baseModel: data.truth });
    const reparsed = parseModel(JSON.parse(JSON.stringify(model)));
    expect(reparsed.weights).toEqual(model.weights);
    const scorer = createScorer(reparsed);
    data.records.forEach(({ label: _label, ...interaction }, i) => {
      const result = scorer.score(interaction);
      expect(Math.abs(result.probability - (probabilities[i] as number))).toBeLessThan(1e-12);
    });
  });

  it('re-weights the default model, text cues included, keeping its reference; constant columns keep their prior', () => {
    const data = syntheticData(4_000, 12);
    const { model, report, probabilities } = fit(data.records);
    // No transcripts in the data: the conversation columns cannot be fitted.
    expect(report.notFitted).toContain('worsening');
    expect(model.weights.worsening).toBe(defaultModel.weights.worsening);
    for (const column of ['negativity', 'intent', 'wait', 'channel.social']) {
      const w = report.weights.find((x) => x.column === column);
      expect(w?.fitted).toBe(true);
      expect(Number.isFinite(w?.standardError)).toBe(true);
    }
    expect(model.weights.negativity).not.toBe(defaultModel.weights.negativity);
    // The words of the data are learned too: one terms feature after the default's, at reference 0 with weight 1.
    expect(model.reference).toEqual({ ...defaultModel.reference, values: { ...defaultModel.reference.values, terms: 0 } });
    expect(model.features.map((f) => f.id)).toEqual([...defaultModel.features.map((f) => f.id), 'terms']);
    expect(model.weights.terms).toBe(1);
    expect(report.terms?.learned).toBeGreaterThan(0);
    const scorer = createScorer(model);
    for (let i = 0; i < 500; i++) {
      const { label: _label, ...interaction } = data.records[i] as (typeof data.records)[number];
      expect(Math.abs(scorer.score(interaction).probability - (probabilities[i] as number))).toBeLessThan(1e-12);
    }
  });

  it('keeps the prior of constant columns by default and says so; constantColumns: error refuses, naming them', () => {
    const data = syntheticData(1_000, 13);
    const { report } = fit(data.records, { terms: false });
    expect(report.notFitted).toContain('worsening');
    expect(report.warnings.join('\n')).toMatch(/constant in the data, prior weight kept: .*worsening/);
    expect(() => fit(data.records, { constantColumns: 'error', terms: false })).toThrow(/constant columns .*"worsening"/);
  });

  it('adds attribute features, taking category levels from the data and a mean reference for numbers', () => {
    const data = syntheticData(3_000, 14);
    const { model, report } = fit(data.records, {
      features: ['wait', 'unresolved', 'intent'],
      extraFeatures: [
        { id: 'tier', kind: 'attribute', name: 'tier', type: 'category' },
        { id: 'tenure', kind: 'attribute', name: 'tenureYears', type: 'number', transform: 'log1p' },
      ],
    });
    const tier = model.features.find((f) => f.id === 'tier');
    // 'basic' is the most frequent level: it becomes the reference level.
    expect(tier?.kind === 'attribute' ? [...(tier.levels ?? [])].sort() : []).toEqual(['gold', 'silver']);
    expect(model.reference.values.tenure).toBeGreaterThan(1);
    expect(report.weights.map((w) => w.column).sort()).toEqual(['intent', 'tenure', 'tier.gold', 'tier.silver', 'unresolved', 'wait']);
    createScorer(model);
  });
});
