import type { CompiledModel, FeatureSet } from './compile-model.js';

/**
 * The log-odds of one interaction from its column values (NaN = absent),
 * writing each feature's contribution Σ weight × (column − reference) into
 * `contributions` (0 for an absent feature). score() and probability() both
 * add up through this one function, in the same order, so their
 * probabilities agree bit for bit. Only `features.present` are visited, in
 * model order; the absent ones (every column NaN: each would contribute
 * exactly 0, which the sum skips) are set to 0.
 */
export function sumContributions(compiled: CompiledModel, columns: Float64Array, contributions: Float64Array, features: FeatureSet): number {
  const { offsets, weights, reference } = compiled;
  const { present, absent } = features;
  for (let k = 0; k < absent.length; k++) contributions[absent[k] as number] = 0;
  let logOdds = compiled.referenceLogOdds;
  for (let k = 0; k < present.length; k++) {
    const i = present[k] as number;
    const end = offsets[i + 1] as number;
    let contribution = 0;
    for (let j = offsets[i] as number; j < end; j++) {
      const x = columns[j] as number;
      if (x !== x) continue; // absent: sits at the reference, contributes nothing
      contribution += (weights[j] as number) * (x - (reference[j] as number));
    }
    contributions[i] = contribution;
    if (contribution !== 0) logOdds += contribution;
  }
  return logOdds;
}
