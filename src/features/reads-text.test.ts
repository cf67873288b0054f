import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseModel } from '../index.js';
import { compileModel } from '../scorer/compile-model.js';
import { validateInteraction } from '../validate/validate-interaction.js';
import { FEATURE_KINDS } from './registry.js';
import { validInteraction } from '../../test/support/arbitraries.js';
import { withLearnedTerms } from '../../test/support/models.js';

// The scorer does not evaluate a feature that reads text for an interaction without words
// (compute-columns.ts); this holds every such kind to being absent then, as FeatureKind.readsText says.
const withEveryKind = parseModel(withLearnedTerms('every-kind'));

describe('features that read text are absent without words', () => {
  const compiled = compileModel(withEveryKind);

  it('covers every kind that reads text', () => {
    const kindsHere = new Set(withEveryKind.features.map((f) => f.kind));
    for (const kind of FEATURE_KINDS) if (kind.readsText) expect(kindsHere.has(kind.kind), kind.kind).toBe(true);
  });

  it('writes NaN in every column and gives no value, whatever the other signals', () => {
    fc.assert(
      fc.property(validInteraction, (input) => {
        const checked = validateInteraction(input);
        if (!checked.ok) return;
        const interaction = { ...checked.value, text: undefined };
        const ctx = { interaction, analysis: undefined, cues: undefined, conversation: undefined, termHits: undefined };
        compiled.features.forEach((feature, i) => {
          if (compiled.readsText[i] !== 1) return;
          const out = new Float64Array(compiled.columns.length).fill(7);
          expect(feature.evaluate(ctx, out, compiled.offsets[i] as number)).toBeUndefined();
          for (let j = compiled.offsets[i] as number; j < (compiled.offsets[i + 1] as number); j++) expect(out[j]).toBeNaN();
        });
      }),
      { numRuns: 200 },
    );
  });

  it('the compiled model lists exactly the columns of those features', () => {
    const expected: number[] = [];
    withEveryKind.features.forEach((spec, i) => {
      if (FEATURE_KINDS.find((k) => k.kind === spec.kind)?.readsText === true)
        for (let j = compiled.offsets[i] as number; j < (compiled.offsets[i + 1] as number); j++) expected.push(j);
    });
    expect([...compiled.textColumns]).toEqual(expected);
  });
});
