// Interleaved A/B passes of two builds in one process, timed by CPU time so
// other work on the machine weighs less (ab-dist.mjs, ab-score.mjs): after a
// warm-up pass of each, `rounds` rounds of one ~100 ms pass per side, the
// order alternating each round. Each work item is [list, f]: f is called on
// every element, its results summed into a sink the engine cannot drop.
let sink = 0;

/** Calls per CPU second over one pass of about `ms` wall milliseconds. */
function pass([list, f], ms) {
  let calls = 0;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  do {
    for (let i = 0; i < list.length; i++) sink += f(list[i]);
    calls += list.length;
  } while (performance.now() - t0 < ms);
  const used = process.cpuUsage(cpu);
  return calls / ((used.user + used.system) / 1e6);
}

/** The q-quantile (0..1) of a list of numbers. */
export function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** For each kind: old and new rates (calls per CPU second) and their ratio, per round. */
export function interleave(workA, workB, kinds, rounds) {
  for (const k of kinds) {
    pass(workA[k], 300);
    pass(workB[k], 300);
  }
  const out = {};
  for (const k of kinds) {
    const rates = { a: [], b: [], ratio: [] };
    for (let r = 0; r < rounds; r++) {
      const got = {};
      for (const side of r % 2 === 0 ? ['a', 'b'] : ['b', 'a']) got[side] = pass(side === 'a' ? workA[k] : workB[k], 100);
      rates.a.push(got.a);
      rates.b.push(got.b);
      rates.ratio.push(got.b / got.a);
    }
    out[k] = rates;
  }
  if (!Number.isFinite(sink)) console.log('(sink)');
  return out;
}

/**
 * The same passes for any number of variants of one work item: after a warm-up pass of each, `rounds` rounds
 * of one ~100 ms pass per variant, the order rotating each round. Returns each variant's rates, and each
 * one's rate ÷ the first variant's in the same round.
 */
export function roundRobin(works, rounds) {
  for (const w of works) pass(w, 300);
  const rates = works.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < works.length; k++) {
      const j = (k + r) % works.length;
      rates[j].push(pass(works[j], 100));
    }
  }
  if (!Number.isFinite(sink)) console.log('(sink)');
  return rates.map((xs) => ({ rates: xs, ratio: xs.map((x, r) => x / rates[0][r]) }));
}
