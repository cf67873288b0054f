import type { CompiledModel } from './compile-model.js';

/**
 * The log-odds of one interaction from its column values (NaN = absent),
 * writing each feature's contribution Σ weight × (column − reference) into
 * `contributions` (0 for an absent feature). score() and probability() both
 * add up through this one function, in the same order, so their
 * probabilities agree bit for bit.
 */
export function sumContributions(compiled: CompiledModel, columns: Float64Array, contributions: Float64Array): number {
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
