import type { SparseLogisticFit, SparseLogisticProblem } from '../sparse-solver.js';

/** A row's log-odds under a dense + terms fit: intercept + dense weights · columns + the weights of the row's terms. */
export function termLogOdds(problem: SparseLogisticProblem, fit: Pick<SparseLogisticFit, 'intercept' | 'dense' | 'sparse'>, row: number): number {
  const { dense, denseCols: d, sparse } = problem;
  let eta = fit.intercept;
  const base = row * d;
  for (let j = 0; j < d; j++) eta += (fit.dense[j] as number) * (dense[base + j] as number);
  for (let k = sparse.rowStart[row] as number; k < (sparse.rowStart[row + 1] as number); k++) eta += fit.sparse[sparse.column[k] as number] as number;
  return eta;
}
