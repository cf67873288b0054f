import { checkedModel } from '../model/checked-model.js';
import { checkRecords, type LabeledRecords } from './labeled-records.js';
import { buildDesignMatrix } from './design-matrix.js';
import { combineWeights } from './class-weights.js';
import { fitLogisticMatrix, DegenerateDataError, DEFAULT_L2, type MatrixFit } from './fit-matrix.js';
import { draftModel, imputeNewColumns, selectFeatures } from './draft-model.js';
import { assembleFittedModel, keepPriorWeights } from './fitted-model.js';
import { buildFitReport } from './fit-report-builder.js';
import { predictFromMatrix } from './predict.js';
import type { FitOptions, FitResult } from './fit-options.js';

export type { FitOptions, FitProgress, FitResult } from './fit-options.js';

/**
 * Penalised maximum-likelihood logistic regression on the scorer's own
 * feature columns. Columns are standardised for the solver (so one l2 means
 * the same for a flag and a wait) and the result is folded back into raw
 * column weights and an intercept; the base model's reference interaction is
 * kept, because absent signals are scored at the reference value and the
 * fitted weights were estimated with them there.
 */
export function fit(records: LabeledRecords, options: FitOptions = {}): FitResult {
  const started = Date.now();
  const base = checkedModel(options.baseModel);
  if (!Array.isArray(records)) throw new TypeError('records must be an array of labelled interactions');
  if (records.length === 0) throw new DegenerateDataError('no records to fit');
  const { interactions, labels, weights: recordWeights } = checkRecords(records, true);
  const draft = draftModel(base, selectFeatures(base, options, interactions));
  const design = buildDesignMatrix(draft.model, interactions, {
    ...(options.analyzer !== undefined ? { analyzer: options.analyzer } : {}),
    onProgress: (done, total) => options.onProgress?.({ phase: 'columns', done, total }),
  });
  imputeNewColumns(design, draft);

  const classes = combineWeights(labels, recordWeights, options.classWeight);
  const l2 = options.l2 ?? DEFAULT_L2;
  const standardErrors = options.standardErrors ?? (options.classWeight !== undefined ? 'robust' : 'model');
  const result = fitLogisticMatrix(design.x, design.rows, design.cols, labels, {
    l2,
    ...(classes.weights !== undefined ? { weights: classes.weights } : {}),
    columnNames: design.columns,
    constantColumns: options.constantColumns === 'keepPrior' ? 'drop' : 'error',
    standardErrors,
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
    ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
    onIteration: (e) => options.onProgress?.({ phase: 'iteration', ...e }),
  });
  if (l2 === 0) refuseRunawayWeights(result);

  const shipped = keepPriorWeights(result, design.columns, base);
  const model = assembleFittedModel({ base, draft: draft.model, design, fit: result, shipped, options, createdAt: new Date().toISOString() });
  const probabilities = predictFromMatrix(design, shipped.coefficients, shipped.intercept);
  const report = buildFitReport({ design, labels, classWeights: classes, fit: result, shipped, base, standardErrors, elapsedMs: Date.now() - started });
  return { model, report, probabilities };
}

/**
 * Unpenalised fits of separable data chase infinite weights; the gradient
 * then vanishes numerically, so a runaway weight (15 log-odds per standard
 * deviation: no real signal is that sharp) is the tell.
 */
function refuseRunawayWeights(result: MatrixFit): void {
  const largest = maxAbs(result.standardizedCoefficients);
  if (result.converged && !(largest > 15)) return;
  throw new DegenerateDataError(
    `no finite maximum-likelihood solution (after ${result.iterations} iterations, largest standardised weight ${largest.toFixed(1)}): the classes are (nearly) separable by these features; use l2 > 0`,
  );
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}
