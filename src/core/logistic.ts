/**
 * Log-odds are bounded to ±12 (probabilities between 6e-6 and 1 − 6e-6):
 * beyond that a probability says nothing more to a contact centre, and
 * inside it logit(probability) recovers the log-odds to ~1e-11, which the
 * exact-explanation contract needs.
 */
export const MAX_LOG_ODDS = 12;

export function clampLogOdds(z: number): number {
  return z > MAX_LOG_ODDS ? MAX_LOG_ODDS : z < -MAX_LOG_ODDS ? -MAX_LOG_ODDS : z;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** The accurate logit: log(p) − log(1 − p). */
export function logit(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}
