// A fitted model with 5,000 learned terms, for the benchmark: the default
// model's signals plus a `terms` feature whose vocabulary holds every word,
// word pair and 1-3-character Han n-gram of the bench texts (so they hit
// as often as a vocabulary learned from this traffic would), filled up to
// 5,000 with word pairs that do not occur. Weights are seeded, not fitted:
// scoring speed does not depend on their values.
import { lib } from './library.js';
import { texts } from './bench-inputs.js';

const SIZE = 5_000;

function ngrams(text: string, into: Set<string>): void {
  const lower = text.toLowerCase();
  const words = lower.match(/[a-z]{2,}/g) ?? [];
  words.forEach((w, i) => {
    into.add(w);
    if (i > 0) into.add(`${words[i - 1]} ${w}`);
  });
  for (const run of lower.match(/\p{Script=Han}+/gu) ?? [])
    for (let i = 0; i < run.length; i++) for (let n = 1; n <= 3 && i + n <= run.length; n++) into.add(run.slice(i, i + n));
}

function vocabulary(): string[] {
  const seen = new Set<string>();
  for (const t of [...texts.zhShort, ...texts.enShort]) ngrams(t, seen);
  for (const turns of texts.mixedTranscripts) for (const turn of turns) ngrams(turn.text, seen);
  const fill = ['parcel', 'ticket', 'account', 'meter', 'voucher', 'gate', 'counter', 'plan', 'limit', 'balance'];
  // The suffix spells i / 100 in full (digits as letters): a single letter gave only 1,000 distinct fillers, and
  // with fewer than 4,000 n-grams in the texts this loop never ended.
  const letters = (n: number): string => [...String(n)].map((d) => 'abcdefghij'[Number(d)]).join('');
  for (let i = 0; seen.size < SIZE; i++) seen.add(`${fill[i % fill.length]} ${fill[Math.floor(i / fill.length) % fill.length]}${letters(Math.floor(i / 100))}x`);
  // The model holds only learnable terms: the library's own rule decides (a term it refuses is left out).
  return [...seen].slice(0, SIZE * 2);
}

function buildModel() {
  const base = lib.defaultModel;
  let seed = 7;
  const weight = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const candidates = vocabulary();
  const terms: [string, number][] = [];
  for (const term of candidates) {
    if (terms.length === SIZE) break;
    try {
      lib.parseModel({ ...base, features: [{ id: 'terms', kind: 'terms', terms: [[term, 0.5]] }], weights: { terms: 1 }, reference: { values: { terms: 0 } } });
      terms.push([term, Math.round(weight() * 1e4) / 1e4]);
    } catch {
      // not a learnable term (too short, an id-like word)
    }
  }
  return lib.parseModel({
    ...base,
    id: 'bench-terms-5000',
    features: [...base.features, { id: 'terms', kind: 'terms', terms }],
    weights: { ...base.weights, terms: 1 },
    reference: { ...base.reference, values: { ...base.reference.values, terms: 0 } },
  });
}

export const termsModel = buildModel();
