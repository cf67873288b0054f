export interface ReliabilityBin {
  lower: number;
  upper: number;
  /** Rows in the bin (their total weight, when weighted). */
  count: number;
  /** Mean predicted probability in the bin. */
  predicted: number;
  /** Share of complaints in the bin. */
  observed: number;
}

export interface Reliability {
  /** Expected calibration error: Σ (count / n) × |observed − predicted| over bins. */
  ece: number;
  /** Largest |observed − predicted| over non-empty bins. */
  mce: number;
  bins: ReliabilityBin[];
}

/**
 * 'uniform' bins split [0, 1] into equal widths (the usual ECE);
 * 'quantile' bins hold equal numbers of rows, which suits rare complaints
 * where most probabilities sit in the first uniform bin.
 */
export function reliability(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: { bins?: number; strategy?: 'uniform' | 'quantile'; weights?: ArrayLike<number> | undefined } = {},
): Reliability {
  const weights = options.weights;
  const k = options.bins ?? 10;
  const n = probabilities.length;
  if (!Number.isInteger(k) || k < 1) throw new RangeError('bins must be a whole number ≥ 1');
  if (n === 0) throw new RangeError('reliability needs at least one row');
  const edges = options.strategy === 'quantile' ? quantileEdges(probabilities, k) : Array.from({ length: k + 1 }, (_, i) => i / k);
  const bins = edges.length - 1;
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i] as number;
    const w = weights === undefined ? 1 : (weights[i] as number);
    const b = binOf(edges, p);
    count[b] = (count[b] as number) + w;
    sumP[b] = (sumP[b] as number) + w * p;
    sumY[b] = (sumY[b] as number) + (labels[i] === 1 ? w : 0);
    total += w;
  }
  let ece = 0;
  let mce = 0;
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const c = count[b] as number;
    if (c === 0) continue;
    const predicted = (sumP[b] as number) / c;
    const observed = (sumY[b] as number) / c;
    const gap = Math.abs(observed - predicted);
    ece += (c / total) * gap;
    if (gap > mce) mce = gap;
    out.push({ lower: edges[b] as number, upper: edges[b + 1] as number, count: c, predicted, observed });
  }
  return { ece, mce, bins: out };
}

/** Bin b holds lower ≤ p < upper; the last bin also holds p = 1. */
function binOf(edges: readonly number[], p: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p >= (edges[mid] as number)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function quantileEdges(probabilities: ArrayLike<number>, k: number): number[] {
  const sorted = Float64Array.from(probabilities).sort();
  const edges = [0];
  for (let b = 1; b < k; b++) {
    const q = sorted[Math.floor((b * sorted.length) / k)] as number;
    if (q > (edges[edges.length - 1] as number)) edges.push(q);
  }
  edges.push(1);
  return edges;
}
