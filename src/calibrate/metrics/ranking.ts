import { descending } from './precision-recall.js';

export interface LiftRow {
  /** Share of rows taken from the top of the ranking (0.01 = riskiest 1 %). */
  fraction: number;
  rows: number;
  complaints: number;
  /** Complaint rate among them. */
  precision: number;
  /** Precision ÷ overall complaint rate. */
  lift: number;
  /** Share of all complaints caught (cumulative gain). */
  gain: number;
}

/** Lift and cumulative gain when a team contacts the riskiest fraction of rows. */
export function liftTable(scores: ArrayLike<number>, labels: ArrayLike<number>, fractions: readonly number[] = [0.01, 0.05, 0.1]): LiftRow[] {
  const order = descending(scores);
  const n = order.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i] === 1 ? 1 : 0;
  const rate = positives / n;
  return fractions.map((fraction) => {
    const rows = Math.min(n, Math.max(1, Math.ceil(fraction * n)));
    let complaints = 0;
    for (let r = 0; r < rows; r++) complaints += labels[order[r] as number] === 1 ? 1 : 0;
    const precision = complaints / rows;
    return { fraction, rows, complaints, precision, lift: rate > 0 ? precision / rate : 0, gain: positives > 0 ? complaints / positives : 0 };
  });
}

export interface Confusion {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  specificity: number;
  /** Share of rows flagged (score ≥ threshold). */
  flaggedRate: number;
  f1: number;
}

/** Counts at one threshold: a row is flagged when its score is ≥ the threshold, as bands are assigned. */
export function confusionAt(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): Confusion {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const flagged = (scores[i] as number) >= threshold;
    if (labels[i] === 1) flagged ? tp++ : fn++;
    else flagged ? fp++ : tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return {
    threshold,
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
    precision,
    recall,
    specificity: tn + fp > 0 ? tn / (tn + fp) : 0,
    flaggedRate: scores.length > 0 ? (tp + fp) / scores.length : 0,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
