import { Z_95 } from '../fit-matrix.js';

export interface RocAuc {
  auc: number;
  /** DeLong's standard error of the AUC. */
  standardError: number;
  /** 95 % interval, auc ± 1.96 SE clipped to [0, 1]. */
  lower: number;
  upper: number;
}

/**
 * Mid-ranks of the scores (ties share the average rank, 1-based), so a tie
 * between a complaint and a non-complaint counts one half.
 */
function midRanks(values: ArrayLike<number>, order: Int32Array): Float64Array {
  const ranks = new Float64Array(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    const v = values[order[i] as number] as number;
    while (j + 1 < order.length && values[order[j + 1] as number] === v) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] as number] = rank;
    i = j + 1;
  }
  return ranks;
}

function ascending(values: ArrayLike<number>): Int32Array {
  const order = new Int32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  return order;
}

/**
 * Area under the ROC curve (Mann-Whitney with ties as one half) and its
 * DeLong (1988) standard error, in O(n log n) with the rank formulation of
 * Sun & Xu (2014).
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): RocAuc {
  if (weights !== undefined) return weightedRocAuc(scores, labels, weights);
  const n = scores.length;
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < n; i++) (labels[i] === 1 ? pos : neg).push(scores[i] as number);
  const m = pos.length;
  const k = neg.length;
  if (m === 0 || k === 0) throw new RangeError('AUC needs both complaints and non-complaints');
  const all = Float64Array.from([...pos, ...neg]);
  const rAll = midRanks(all, ascending(all));
  const rPos = midRanks(pos, ascending(pos));
  const rNeg = midRanks(neg, ascending(neg));
  let sumPos = 0;
  for (let i = 0; i < m; i++) sumPos += rAll[i] as number;
  const auc = (sumPos - (m * (m + 1)) / 2) / (m * k);
  // V10: for each complaint, the share of non-complaints it outranks; V01 likewise.
  let s10 = 0;
  for (let i = 0; i < m; i++) {
    const v = ((rAll[i] as number) - (rPos[i] as number)) / k;
    s10 += (v - auc) * (v - auc);
  }
  let s01 = 0;
  for (let j = 0; j < k; j++) {
    const v = 1 - ((rAll[m + j] as number) - (rNeg[j] as number)) / m;
    s01 += (v - auc) * (v - auc);
  }
  return withInterval(auc, (m > 1 ? s10 / (m - 1) / m : 0) + (k > 1 ? s01 / (k - 1) / k : 0));
}

function withInterval(auc: number, variance: number): RocAuc {
  const standardError = Math.sqrt(variance);
  return {
    auc,
    standardError,
    lower: Math.max(0, auc - Z_95 * standardError),
    upper: Math.min(1, auc + Z_95 * standardError),
  };
}

/**
 * The same with row weights, as if each row were repeated `weight` times
 * (so integer weights give exactly the figures of the repeated rows):
 * DeLong's placements V10 (the weight share of non-complaints a complaint
 * outranks, ties one half) and V01, their weighted variances with W − 1.
 */
function weightedRocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>, weights: ArrayLike<number>): RocAuc {
  const order = ascending(scores);
  const n = order.length;
  let wPos = 0;
  let wNeg = 0;
  for (let i = 0; i < n; i++) (labels[i] === 1 ? (wPos += weights[i] as number) : (wNeg += weights[i] as number));
  if (!(wPos > 0) || !(wNeg > 0)) throw new RangeError('AUC needs both complaints and non-complaints');
  // Placements by group of equal scores: weight of the other class strictly below (above), plus half of the tied.
  const v10 = new Float64Array(n);
  const v01 = new Float64Array(n);
  let negBelow = 0;
  let posBelow = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    const v = scores[order[i] as number] as number;
    while (j + 1 < n && scores[order[j + 1] as number] === v) j++;
    let negTied = 0;
    let posTied = 0;
    for (let r = i; r <= j; r++) {
      const row = order[r] as number;
      if (labels[row] === 1) posTied += weights[row] as number;
      else negTied += weights[row] as number;
    }
    for (let r = i; r <= j; r++) {
      const row = order[r] as number;
      if (labels[row] === 1) v10[row] = (negBelow + negTied / 2) / wNeg;
      else v01[row] = (wPos - posBelow - posTied + posTied / 2) / wPos;
    }
    negBelow += negTied;
    posBelow += posTied;
    i = j + 1;
  }
  let auc = 0;
  for (let r = 0; r < n; r++) if (labels[r] === 1) auc += ((weights[r] as number) * (v10[r] as number)) / wPos;
  let s10 = 0;
  let s01 = 0;
  for (let r = 0; r < n; r++) {
    const w = weights[r] as number;
    if (labels[r] === 1) s10 += w * ((v10[r] as number) - auc) ** 2;
    else s01 += w * ((v01[r] as number) - auc) ** 2;
  }
  return withInterval(auc, (wPos > 1 ? s10 / (wPos - 1) / wPos : 0) + (wNeg > 1 ? s01 / (wNeg - 1) / wNeg : 0));
}

/** Points of the ROC curve (false-positive rate, true-positive rate), one per distinct score, from (0,0) to (1,1). */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): { fpr: number; tpr: number; threshold: number }[] {
  const order = ascending(scores).reverse();
  const weightOf = (i: number): number => (weights === undefined ? 1 : (weights[i] as number));
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < labels.length; i++) labels[i] === 1 ? (positives += weightOf(i)) : (negatives += weightOf(i));
  const points = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  let tp = 0;
  let fp = 0;
  for (let r = 0; r < order.length; r++) {
    const i = order[r] as number;
    if (labels[i] === 1) tp += weightOf(i);
    else fp += weightOf(i);
    const next = order[r + 1];
    if (next === undefined || scores[next] !== scores[i])
      points.push({ fpr: negatives > 0 ? fp / negatives : 0, tpr: positives > 0 ? tp / positives : 0, threshold: scores[i] as number });
  }
  return points;
}
