/** log(1 + e^t) without overflow or loss of precision at either end. */
export function softplus(t: number): number {
  return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
}

/** Bernoulli log-likelihood of label y ∈ {0, 1} at log-odds eta: y·eta − log(1 + e^eta). */
export function logLikelihoodTerm(y: number, eta: number): number {
  return y === 1 ? -softplus(-eta) : -softplus(eta);
}
