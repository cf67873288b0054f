import { solveSparseLogistic } from '../../src/calibrate/sparse-solver.js';

/**
 * The baseline learned terms must beat: a plain logistic regression on
 * hashed word unigrams and bigrams (Chinese: character unigrams and
 * bigrams), binary, 2^20 buckets, L2 = 1 (scikit-learn's default C = 1), no
 * lexicon, no tuning. Written here, independent of the library's own
 * tokenizer, so it cannot inherit our choices.
 */
const BUCKETS = 1 << 20;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) % BUCKETS;
}

/** The distinct hashed n-grams of a text. */
export function hashedFeatures(text: string): number[] {
  const lower = text.toLowerCase();
  const grams = new Set<number>();
  const words = lower.match(/[a-z0-9']+/g) ?? [];
  words.forEach((w, i) => {
    grams.add(hash('w:' + w));
    if (i > 0) grams.add(hash('b:' + words[i - 1] + ' ' + w));
  });
  const han = [...lower].filter((c) => /\p{Script=Han}/u.test(c));
  han.forEach((c, i) => {
    grams.add(hash('c:' + c));
    if (i > 0) grams.add(hash('d:' + han[i - 1] + c));
  });
  return [...grams];
}

/** Fits on `train` rows and returns a scorer of texts (log-odds). */
export function fitHashedBaseline(texts: readonly string[], labels: readonly boolean[], train: readonly number[]): (text: string) => number {
  const rowStart = new Int32Array(train.length + 1);
  const columns: number[] = [];
  const features = train.map((i) => hashedFeatures(texts[i] as string));
  // Renumber the buckets seen in training, so the solver's vector is as long as the vocabulary.
  const index = new Map<number, number>();
  features.forEach((row, r) => {
    for (const b of row) {
      let c = index.get(b);
      if (c === undefined) index.set(b, (c = index.size));
      columns.push(c);
    }
    rowStart[r + 1] = columns.length;
  });
  const fit = solveSparseLogistic(
    {
      rows: train.length,
      dense: new Float64Array(0),
      denseCols: 0,
      sparse: { rowStart, column: Int32Array.from(columns), columns: index.size },
      y: Uint8Array.from(train, (i) => (labels[i] ? 1 : 0)),
    },
    { l2Dense: 0, l2Sparse: 1 },
  );
  return (text) => {
    let eta = fit.intercept;
    for (const b of hashedFeatures(text)) {
      const c = index.get(b);
      if (c !== undefined) eta += fit.sparse[c] as number;
    }
    return eta;
  };
}
