import type { CompiledModel } from './compile-model.js';

/**
 * The log-odds of one interaction from its column values (NaN = absent),
 * writing each feature's contribution Σ weight × (column − reference) into
 * `contributions` (0 for an absent feature). score() and probability() both
 * add up through this one function, in the same order, so their
 * probabilities agree bit for bit. `withText` false: the interaction has no
 * words (computeColumns wrote NaN in every column of the features that read them).
 */
export function sumContributions(compiled: CompiledModel, columns: Float64Array, contributions: Float64Array, withText = true): number {
  if (!withText) return sumWithoutText(compiled, columns, contributions);
  const { offsets, weights, reference } = compiled;
  const n = contributions.length;
  let logOdds = compiled.referenceLogOdds;
  let start = offsets[0] as number;
  for (let i = 0; i < n; i++) {
    const end = offsets[i + 1] as number;
    let contribution = 0;
    for (let j = start; j < end; j++) {
      const x = columns[j] as number;
      if (x !== x) continue; // absent: sits at the reference, contributes nothing
      contribution += (weights[j] as number) * (x - (reference[j] as number));
    }
    start = end;
    contributions[i] = contribution;
    if (contribution !== 0) logOdds += contribution;
  }
  return logOdds;
}

/**
 * The same sum for an interaction without words: the features that read
 * them are absent (every column NaN, so each contributes exactly 0 and was
 * skipped above), so only the others are visited, in the same order.
 */
function sumWithoutText(compiled: CompiledModel, columns: Float64Array, contributions: Float64Array): number {
  const { offsets, weights, reference, textFeatures, numericFeatures } = compiled;
  for (let k = 0; k < textFeatures.length; k++) contributions[textFeatures[k] as number] = 0;
  let logOdds = compiled.referenceLogOdds;
  for (let k = 0; k < numericFeatures.length; k++) {
    const i = numericFeatures[k] as number;
    const end = offsets[i + 1] as number;
    let contribution = 0;
    for (let j = offsets[i] as number; j < end; j++) {
      const x = columns[j] as number;
      if (x !== x) continue;
      contribution += (weights[j] as number) * (x - (reference[j] as number));
    }
    contributions[i] = contribution;
    if (contribution !== 0) logOdds += contribution;
  }
  return logOdds;
}
