/** How much each class counts while fitting. */
export type ClassWeight = 'balanced' | { positive: number; negative: number };

/**
 * Multiplies per-record weights by class weights. 'balanced' gives each class
 * the same total weight, as scikit-learn does: total / (2 × class total).
 * Returns the row weights (undefined when every row weighs 1) and the class
 * factors used.
 */
export function combineWeights(
  labels: Uint8Array,
  recordWeights: Float64Array | undefined,
  classWeight: ClassWeight | undefined,
): { weights: Float64Array | undefined; positive: number; negative: number } {
  if (classWeight === undefined) return { weights: recordWeights, positive: 1, negative: 1 };
  let positive: number;
  let negative: number;
  if (classWeight === 'balanced') {
    let pos = 0;
    let neg = 0;
    for (let i = 0; i < labels.length; i++) {
      const w = recordWeights ? (recordWeights[i] as number) : 1;
      if (labels[i] === 1) pos += w;
      else neg += w;
    }
    // One class missing is reported by the solver with a clearer message.
    positive = pos > 0 ? (pos + neg) / (2 * pos) : 1;
    negative = neg > 0 ? (pos + neg) / (2 * neg) : 1;
  } else {
    ({ positive, negative } = classWeight);
    if (!(positive > 0) || !(negative > 0) || !Number.isFinite(positive) || !Number.isFinite(negative))
      throw new RangeError('classWeight.positive and classWeight.negative must be finite numbers > 0');
  }
  const weights = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++)
    weights[i] = (recordWeights ? (recordWeights[i] as number) : 1) * (labels[i] === 1 ? positive : negative);
  return { weights, positive, negative };
}
