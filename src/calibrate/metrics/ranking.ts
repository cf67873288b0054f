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
export function liftTable(scores: ArrayLike<number>, labels: ArrayLike<number>, fractions: readonly number[] = [0.01, 0.05, 0.1], weights?: ArrayLike<number>): LiftRow[] {
  if (weights !== undefined) return weightedLift(scores, labels, fractions, weights);
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

/**
 * Lift with row weights, as if each row were repeated `weight` times: the
 * riskiest fraction of the total weight (the row at the edge counted in part).
 */
function weightedLift(scores: ArrayLike<number>, labels: ArrayLike<number>, fractions: readonly number[], weights: ArrayLike<number>): LiftRow[] {
  const order = descending(scores);
  let total = 0;
  let positives = 0;
  for (let i = 0; i < order.length; i++) {
    total += weights[i] as number;
    positives += labels[i] === 1 ? (weights[i] as number) : 0;
  }
  const rate = positives / total;
  return fractions.map((fraction) => {
    const rows = Math.min(total, Math.max(Math.min(1, total), Math.ceil(fraction * total)));
    let taken = 0;
    let complaints = 0;
    for (let r = 0; r < order.length && taken < rows; r++) {
      const i = order[r] as number;
      const w = Math.min(weights[i] as number, rows - taken);
      taken += w;
      if (labels[i] === 1) complaints += w;
    }
    const precision = taken > 0 ? complaints / taken : 0;
    return { fraction, rows: taken, complaints, precision, lift: rate > 0 ? precision / rate : 0, gain: positives > 0 ? complaints / positives : 0 };
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
export function confusionAt(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number, weights?: ArrayLike<number>): Confusion {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  // With weights, each count is the rows' total weight (a row of weight 2 counts twice).
  for (let i = 0; i < scores.length; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    const flagged = (scores[i] as number) >= threshold;
    if (labels[i] === 1) flagged ? (tp += w) : (fn += w);
    else flagged ? (fp += w) : (tn += w);
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
    flaggedRate: tp + fp + tn + fn > 0 ? (tp + fp) / (tp + fp + tn + fn) : 0,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
