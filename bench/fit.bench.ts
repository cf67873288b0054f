// Calibration timings at sizes vitest can repeat. The 1 M × 30 target and the
// full ml-logistic-regression comparison live in scripts/bench-fit.mjs
// (`npm run bench:fit`). Run alone: `npx vitest bench --run bench/fit.bench.ts`.
import { bench, describe } from 'vitest';
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import { seededRandom } from '../src/calibrate/seeded-random.js';
import { syntheticData } from '../test/support/synthetic.js';
import { sink } from './bench-inputs.js';
// The built bundle, loaded natively (vite's transform of src/ slows the text analyser).
import { calibrate } from './library.js';

const { evaluate, fit, fitLogisticMatrix } = calibrate;

const slow = { iterations: 5, warmupIterations: 1, time: 0, warmupTime: 0 };
const data = syntheticData(20_000, 1);

const rows = 100_000;
const cols = 30;
const x = new Float64Array(rows * cols);
const y = new Uint8Array(rows);
const random = seededRandom(5);
for (let i = 0; i < rows; i++) {
  let eta = -2;
  for (let j = 0; j < cols; j++) {
    const v = j % 2 === 0 ? (random() < 0.3 ? 1 : 0) : random() * 2 - 1;
    x[i * cols + j] = v;
    eta += (((j % 5) - 2) / 5) * v;
  }
  y[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
}
const withOnes = new Matrix(rows, cols + 1);
for (let i = 0; i < rows; i++) {
  withOnes.set(i, 0, 1);
  for (let j = 0; j < cols; j++) withOnes.set(i, j + 1, x[i * cols + j] as number);
}
const labels = Matrix.columnVector(Array.from(y));

describe('calibrate', () => {
  bench('fit() 20 k records: validation, text, columns, Newton, SEs', () => {
    sink.value += fit(data.records, { baseModel: data.truth }).report.iterations;
  }, slow);
  bench('evaluate() 20 k records', () => {
    sink.value += evaluate(data.truth, data.records).auc;
  }, slow);
  bench('fitLogisticMatrix 100 k × 30 to convergence', () => {
    sink.value += fitLogisticMatrix(x, rows, cols, y).iterations;
  }, slow);
  // The peer's default is 50,000 of these steps, with no convergence test.
  bench('ml-logistic-regression 100 k × 30, 3 gradient steps (of its default 50,000)', () => {
    const model = new LogisticRegression({ numSteps: 3, learningRate: 5e-4 });
    model.train(withOnes, labels);
    sink.value += model.classifiers.length;
  }, slow);
});
