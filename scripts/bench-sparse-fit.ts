/**
 * Benchmark (not a test): the sparse solver (src/calibrate/sparse-solver.ts)
 * on synthetic problems shaped like learned terms: 20 dense signal columns
 * and a 5,000-term vocabulary of Zipf-like frequency, ~15 terms a row.
 * Each size runs in its own child process so its peak RSS is its own.
 * Prints one JSON line per measurement.
 *
 *   npx tsx scripts/bench-sparse-fit.ts [--rows 100000,1000000] [--dense 20] [--terms 5000]
 *     [--per-row 15] [--runs 3] [--l2 1] [--tolerance 1e-9] [--path]
 *
 * --path also times a cross-validation-style path of l2 values (1, 0.5,
 * 0.25, 0.125) solved cold and with warm starts, on the first size.
 * TRACE=1 prints each Newton step to stderr. Runs through tsx (esbuild, as
 * tsup builds): the solver is not part of the public bundle yet.
 */
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { solveSparseLogistic, type SparseLogisticFit, type SparseLogisticProblem } from '../src/calibrate/sparse-solver.js';
import { seededRandom } from '../src/calibrate/seeded-random.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000,1000000' },
    dense: { type: 'string', default: '20' },
    terms: { type: 'string', default: '5000' },
    'per-row': { type: 'string', default: '15' },
    runs: { type: 'string', default: '3' },
    l2: { type: 'string', default: '1' },
    tolerance: { type: 'string', default: '1e-9' },
    path: { type: 'boolean', default: false },
    child: { type: 'boolean', default: false },
  },
});

const MB = 1024 * 1024;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

if (!values.child) {
  const sizes = values.rows.split(',').map(Number);
  sizes.forEach((rows, index) => {
    const args = [fileURLToPath(import.meta.url), '--child', '--rows', String(rows)];
    for (const key of ['dense', 'terms', 'per-row', 'runs', 'l2', 'tolerance'] as const) args.push(`--${key}`, values[key]);
    if (values.path && index === 0) args.push('--path');
    // Plenty of heap for the 1 M-row matrices; the figure reported is the process's own peak RSS.
    const child = spawnSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', ...args], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = 1;
  });
} else {
  const rows = Number(values.rows);
  const problem = syntheticProblem(rows, Number(values.dense), Number(values.terms), Number(values['per-row']), 20261123);
  const l2 = Number(values.l2);
  const tolerance = Number(values.tolerance);
  const rssBeforeSolve = process.memoryUsage().rss;
  const peakBeforeSolve = process.resourceUsage().maxRSS * 1024;
  const times: number[] = [];
  const cpu: number[] = [];
  let last: SparseLogisticFit | undefined;
  for (let r = 0; r < Number(values.runs); r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    last = solveSparseLogistic(problem, { l2Dense: l2, l2Sparse: l2, tolerance, onIteration: process.env.TRACE ? (e) => console.error(JSON.stringify(e)) : undefined });
    times.push(performance.now() - t0);
    cpu.push(process.cpuUsage(c0).user / 1000);
  }
  const fit = last as SparseLogisticFit;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      name: `calibrate solveSparseLogistic ${rows}x${values.dense} dense + ${values.terms} terms (~${values['per-row']}/row)`,
      medianMs: Math.round(median(times)),
      runsMs: times.map(Math.round),
      medianCpuMs: Math.round(median(cpu)),
      iterations: fit.iterations,
      hessianProducts: fit.hessianProducts,
      converged: fit.converged,
      gradientNorm: fit.gradientNorm,
      gradientLimit: tolerance * fit.totalWeight,
      nonZeros: problem.sparse.column.length,
      rssBeforeSolveMB: Math.round(rssBeforeSolve / MB),
      peakRssBeforeSolveMB: Math.round(peakBeforeSolve / MB),
      peakRssMB: Math.round(peak / MB),
    }),
  );
  if (values.path) timePath(problem, tolerance);
}

/** A path of l2 values as cross-validation would walk it: each solve cold, then each from the previous one. */
function timePath(problem: SparseLogisticProblem, tolerance: number): void {
  const path = [1, 0.5, 0.25, 0.125];
  for (const warm of [false, true]) {
    const t0 = performance.now();
    let previous: SparseLogisticFit | undefined;
    let products = 0;
    let steps = 0;
    for (const l2 of path) {
      previous = solveSparseLogistic(problem, { l2Dense: l2, l2Sparse: l2, tolerance, start: warm ? previous : undefined });
      products += previous.hessianProducts;
      steps += previous.iterations;
    }
    console.log(
      JSON.stringify({
        name: `calibrate solveSparseLogistic l2 path ${path.join('→')} ${warm ? 'warm-started' : 'cold'} (${problem.rows} rows)`,
        medianMs: Math.round(performance.now() - t0),
        iterations: steps,
        hessianProducts: products,
      }),
    );
  }
}

/**
 * Dense columns like the model's (flags, capped log-counts, bounded scores);
 * term frequencies ∝ 1/(rank + 10), a fifth of the terms carrying weight;
 * labels drawn from the resulting logistic model.
 */
function syntheticProblem(rows: number, denseCols: number, terms: number, perRow: number, seed: number): SparseLogisticProblem {
  const random = seededRandom(seed);
  const cumulative = new Float64Array(terms);
  let total = 0;
  for (let k = 0; k < terms; k++) cumulative[k] = total += 1 / (k + 10);
  const termWeight = Float64Array.from({ length: terms }, () => (random() < 0.2 ? (random() - 0.5) * 2 : 0));
  const denseWeight = Array.from({ length: denseCols }, (_, j) => ((j % 7) - 3) * 0.15);
  const rowStart = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) rowStart[i + 1] = (rowStart[i] as number) + Math.max(1, Math.round(perRow * (0.4 + 1.2 * random())));
  const column = new Int32Array(rowStart[rows] as number);
  const dense = new Float64Array(rows * denseCols);
  const y = new Uint8Array(rows);
  const seen = new Int32Array(terms).fill(-1);
  for (let i = 0; i < rows; i++) {
    let eta = -3;
    for (let j = 0; j < denseCols; j++) {
      const kind = j % 3;
      const v = kind === 0 ? (random() < 0.3 ? 1 : 0) : kind === 1 ? Math.min(4, Math.log2(1 + Math.floor(-Math.log(1 - random()) * 2))) : random() * 2 - 1;
      dense[i * denseCols + j] = v;
      eta += (denseWeight[j] as number) * v;
    }
    for (let p = rowStart[i] as number; p < (rowStart[i + 1] as number); p++) {
      let k: number;
      do k = drawTerm(cumulative, random() * total);
      while (seen[k] === i);
      seen[k] = i;
      column[p] = k;
      eta += termWeight[k] as number;
    }
    y[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { rows, dense, denseCols, sparse: { rowStart, column, columns: terms }, y };
}

function drawTerm(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
