/**
 * Mean negative log-likelihood (weighted by `weights` when given: a row of
 * weight 2 counts as two rows); probabilities are kept inside
 * [1e-15, 1 − 1e-15] so a confident miss costs ~34.5, not infinity.
 */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let sum = 0;
  let total = 0;
  const n = probabilities.length;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    const p = Math.min(1 - 1e-15, Math.max(1e-15, probabilities[i] as number));
    sum -= w * (labels[i] === 1 ? Math.log(p) : Math.log1p(-p));
    total += w;
  }
  return sum / total;
}

/** Mean squared difference between probability and outcome (weighted by `weights` when given). */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let sum = 0;
  let total = 0;
  const n = probabilities.length;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    const d = (probabilities[i] as number) - (labels[i] === 1 ? 1 : 0);
    sum += w * d * d;
    total += w;
  }
  return sum / total;
}
