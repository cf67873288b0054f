/** Mean negative log-likelihood; probabilities are kept inside [1e-15, 1 − 1e-15] so a confident miss costs ~34.5, not infinity. */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  const n = probabilities.length;
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, probabilities[i] as number));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log1p(-p);
  }
  return sum / n;
}

/** Mean squared difference between probability and outcome. */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  const n = probabilities.length;
  for (let i = 0; i < n; i++) {
    const d = (probabilities[i] as number) - (labels[i] === 1 ? 1 : 0);
    sum += d * d;
  }
  return sum / n;
}
