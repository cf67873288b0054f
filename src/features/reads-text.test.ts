import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseModel } from '../index.js';
import { compileModel, FEATURES_NO_TURNS, FEATURES_NO_WORDS } from '../scorer/compile-model.js';
import { readText } from '../conversation/read-text.js';
import { createStringAnalyzer } from '../text/string-analyzer.js';
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
          if (FEATURE_KINDS.find((k) => k.kind === withEveryKind.features[i]!.kind)?.readsText !== true) return;
          const out = new Float64Array(compiled.columns.length).fill(7);
          expect(feature.evaluate(ctx, out, compiled.offsets[i] as number)).toBeUndefined();
          for (let j = compiled.offsets[i] as number; j < (compiled.offsets[i + 1] as number); j++) expect(out[j]).toBeNaN();
        });
      }),
      { numRuns: 200 },
    );
  });

  it('the compiled model leaves out exactly the columns of those features without words', () => {
    const expected: number[] = [];
    withEveryKind.features.forEach((spec, i) => {
      if (FEATURE_KINDS.find((k) => k.kind === spec.kind)?.readsText === true)
        for (let j = compiled.offsets[i] as number; j < (compiled.offsets[i + 1] as number); j++) expected.push(j);
    });
    expect([...compiled.featureSets[FEATURES_NO_WORDS]!.absentColumns]).toEqual(expected);
    expect(compiled.usesText).toBe(expected.length > 0);
  });
});

describe('features that read turns are absent for plain-string text', () => {
  const compiled = compileModel(withEveryKind);
  const analyze = createStringAnalyzer();

  it('covers every kind that reads turns, and each of them reads text', () => {
    const kindsHere = new Set(withEveryKind.features.map((f) => f.kind));
    for (const kind of FEATURE_KINDS) {
      if (kind.readsTurns !== true) continue;
      expect(kindsHere.has(kind.kind), kind.kind).toBe(true);
      expect(kind.readsText, kind.kind).toBe(true);
    }
  });

  it('writes NaN in every column and gives no value for a string, whatever it says', () => {
    fc.assert(
      fc.property(validInteraction, (input) => {
        const checked = validateInteraction(input);
        if (!checked.ok || typeof checked.value.text !== 'string') return;
        const interaction = checked.value;
        const reading = readText(analyze, interaction.text as string);
        const ctx = { interaction, analysis: reading.analysis, cues: reading.cues, conversation: reading.conversation, termHits: reading.termHits };
        withEveryKind.features.forEach((spec, i) => {
          if (FEATURE_KINDS.find((k) => k.kind === spec.kind)?.readsTurns !== true) return;
          const out = new Float64Array(compiled.columns.length).fill(7);
          expect(compiled.features[i]!.evaluate(ctx, out, compiled.offsets[i] as number)).toBeUndefined();
          for (let j = compiled.offsets[i] as number; j < (compiled.offsets[i + 1] as number); j++) expect(out[j]).toBeNaN();
        });
      }),
      { numRuns: 200 },
    );
  });

  it('the compiled model leaves out exactly those features for a string, and every text feature without words', () => {
    const kindOf = (i: number) => FEATURE_KINDS.find((k) => k.kind === withEveryKind.features[i]!.kind)!;
    for (const [set, isAbsent] of [
      [compiled.featureSets[FEATURES_NO_TURNS]!, (i: number) => kindOf(i).readsTurns === true],
      [compiled.featureSets[FEATURES_NO_WORDS]!, (i: number) => kindOf(i).readsText],
    ] as const) {
      const all = withEveryKind.features.map((_, i) => i);
      expect([...set.absent]).toEqual(all.filter(isAbsent));
      expect([...set.present]).toEqual(all.filter((i) => !isAbsent(i)));
      expect([...set.absentColumns]).toEqual(set.absent.length === 0 ? [] : [...set.absent].flatMap((i) => Array.from({ length: compiled.offsets[i + 1]! - compiled.offsets[i]! }, (_, k) => compiled.offsets[i]! + k)));
    }
  });
});
