/**
 * Area under the precision-recall curve as average precision: Σ (R_k − R_{k−1}) P_k
 * over distinct score thresholds, highest first (scikit-learn's definition;
 * tied scores enter together, so the result does not depend on row order).
 * With weights, a row of weight 2 counts as two rows.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const order = descending(scores);
  const weightOf = (i: number): number => (weights === undefined ? 1 : (weights[i] as number));
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] === 1 ? weightOf(i) : 0;
  if (positives === 0) throw new RangeError('PR AUC needs at least one complaint');
  let tp = 0;
  let seen = 0;
  let previousRecall = 0;
  let ap = 0;
  for (let r = 0; r < order.length; r++) {
    const i = order[r] as number;
    seen += weightOf(i);
    if (labels[i] === 1) tp += weightOf(i);
    const next = order[r + 1];
    if (next !== undefined && scores[next] === scores[i]) continue;
    const recall = tp / positives;
    ap += (recall - previousRecall) * (tp / seen);
    previousRecall = recall;
  }
  return ap;
}

export function descending(scores: ArrayLike<number>): Int32Array {
  const order = new Int32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number));
  return order;
}
