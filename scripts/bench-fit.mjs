#!/usr/bin/env node
/**
 * Benchmark (not a test): fit 1 M rows × 30 features with complaint-risk's
 * Newton solver, and time ml-logistic-regression's gradient ascent on the
 * same matrix. Prints one JSON line per measurement ({ name, medianMs, ... })
 * for scripts/bench.mjs to collect. Needs `npm run build` first.
 *
 *   node scripts/bench-fit.mjs [--rows 1000000] [--cols 30] [--runs 3] [--ml-steps 5] [--ml-rows 200000]
 *
 * ml-logistic-regression runs a fixed number of steps (default 50 000) with
 * no convergence test; timing all of them at 1 M rows would take hours, so
 * it runs --ml-steps steps on the first --ml-rows rows (default 200 000) and
 * the per-step time is scaled to all rows and 50 000 steps (stated as
 * `extrapolated` in the output).
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { fitLogisticMatrix } from '../dist/calibrate.js';
import { seededRandom } from './bench/seeded-random.mjs';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    cols: { type: 'string', default: '30' },
    runs: { type: 'string', default: '3' },
    'ml-steps': { type: 'string', default: '5' },
    'ml-rows': { type: 'string' },
  },
});
const rows = Number(values.rows);
const cols = Number(values.cols);
const runs = Number(values.runs);
const mlSteps = Number(values['ml-steps']);


// Columns shaped like model columns: flags, capped log-counts, bounded scores.
const random = seededRandom(20261123);
const x = new Float64Array(rows * cols);
const y = new Uint8Array(rows);
const weights = Array.from({ length: cols }, (_, j) => ((j % 7) - 3) * 0.15);
for (let i = 0; i < rows; i++) {
  let eta = -3;
  for (let j = 0; j < cols; j++) {
    const kind = j % 3;
    const v = kind === 0 ? (random() < 0.3 ? 1 : 0) : kind === 1 ? Math.min(4, Math.log2(1 + Math.floor(-Math.log(1 - random()) * 2))) : random() * 2 - 1;
    x[i * cols + j] = v;
    eta += weights[j] * v;
  }
  y[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = [];
const cpu = [];
let last;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  last = fitLogisticMatrix(x, rows, cols, y, { l2: 1 });
  times.push(performance.now() - t0);
  cpu.push(process.cpuUsage(c0).user / 1000);
}
const ours = median(times);
console.log(
  JSON.stringify({
    name: `calibrate fitLogisticMatrix ${rows}x${cols}`,
    medianMs: Math.round(ours),
    runsMs: times.map(Math.round),
    // CPU time of this process: less sensitive than wall time to other work on a shared machine.
    medianCpuMs: Math.round(median(cpu)),
    iterations: last.iterations,
    converged: last.converged,
    gradientNorm: last.gradientNorm,
    targetMs: 10_000,
  }),
);

if (mlSteps === 0) process.exit(0);
// The peer, on the same rows (or the first --ml-rows of them), with a column of ones for the intercept.
const { Matrix } = await import('ml-matrix');
const { default: LogisticRegression } = await import('ml-logistic-regression');
// Its per-step cost is linear in rows (two matrix products and fresh copies of
// the 1 M × 31 matrix each step), so 200 k rows measure it at a fifth of the memory.
const mlRows = values['ml-rows'] === undefined ? Math.min(rows, 200_000) : Number(values['ml-rows']);
const X = new Matrix(mlRows, cols + 1);
for (let i = 0; i < mlRows; i++) {
  X.set(i, 0, 1);
  for (let j = 0; j < cols; j++) X.set(i, j + 1, x[i * cols + j]);
}
const Y = Matrix.columnVector(Array.from(y.subarray(0, mlRows)));
const t0 = performance.now();
new LogisticRegression({ numSteps: mlSteps, learningRate: 5e-4 }).train(X, Y);
const msPerStep = (performance.now() - t0) / mlSteps / (mlRows / rows);
const defaultSteps = 50_000;
console.log(
  JSON.stringify({
    name: `ml-logistic-regression ${rows}x${cols} (default 50000 steps, extrapolated)`,
    medianMs: Math.round(msPerStep * defaultSteps),
    extrapolated: true,
    stepsMeasured: mlSteps,
    rowsMeasured: mlRows,
    msPerStep: Math.round(msPerStep),
    ratioToCalibrate: Math.round((msPerStep * defaultSteps) / ours),
    // Even one gradient step of the peer against a whole Newton fit:
    stepsPerNewtonFit: Math.round((ours / msPerStep) * 10) / 10,
  }),
);
