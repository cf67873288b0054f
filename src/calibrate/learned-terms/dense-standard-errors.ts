import type { SparseLogisticFit, SparseLogisticProblem } from '../sparse-solver.js';
import { parameterCovariance, rawStandardErrors } from '../coefficient-covariance.js';
import { standardizedParameters } from '../standardized-scale.js';

/**
 * Standard errors of the intercept and signal weights of a joint fit,
 * conditional on the term weights (the terms' log-odds held fixed as an
 * offset): inverse Hessian ('model') or sandwich ('robust', for class or
 * sampling weights), as the dense fit reports them. NaN when the block is
 * singular (unpenalised collinear signals) or for columns held at zero.
 */
export function denseStandardErrors(
  problem: Omit<SparseLogisticProblem, 'sparse'>,
  fit: SparseLogisticFit,
  termLogOdds: Float64Array,
  kind: 'model' | 'robust',
): { intercept: number; dense: Float64Array } {
  const d = problem.denseCols;
  const fixedAtZero = new Uint8Array(d);
  for (const j of fit.dropped) fixedAtZero[j] = 1;
  const scaling = { cols: d, shift: fit.means, scale: Float64Array.from(fit.sds, (sd, j) => (fixedAtZero[j] ? 0 : 1 / sd)) };
  const theta = new Float64Array(d + 1);
  standardizedParameters(scaling, fit.intercept, fit.dense, theta);
  try {
    const covariance = parameterCovariance(
      { x: problem.dense, rows: problem.rows, y: problem.y, weights: problem.weights, rowIndex: problem.rowIndex, ...scaling, fixedAtZero, offset: termLogOdds },
      theta,
      fit.denseHessian,
      kind,
    );
    const errors = rawStandardErrors(scaling, covariance, fixedAtZero);
    return { intercept: errors.intercept, dense: errors.weights };
  } catch {
    return { intercept: NaN, dense: new Float64Array(d).fill(NaN) };
  }
}
