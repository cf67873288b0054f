import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import { checkRecords, type LabeledRecords } from './labeled-records.js';
import type { DesignMatrix } from './design-matrix.js';
import { FitDataBuilder, type FitData } from './fit-data.js';
import { combineWeights } from './class-weights.js';
import { fitLogisticMatrix, DegenerateDataError, DEFAULT_L2, type MatrixFit } from './fit-matrix.js';
import { imputeNewColumns } from './draft-model.js';
import { assembleFittedModel, keepPriorWeights } from './fitted-model.js';
import { buildFitReport } from './fit-report-builder.js';
import { predictFromMatrix } from './predict.js';
import { MAX_CANDIDATES, type ResolvedTermsOptions } from './learned-terms/terms-options.js';
import { selectCandidates } from './learned-terms/select-candidates.js';
import { fitWithTerms, type TermsFit } from './learned-terms/fit-with-terms.js';
import type { FitOptions, FitResult } from './fit-options.js';
import { refuseUnrepresentable, scaleWeights, withNumericGuard } from './fit-numerics.js';

export type { FitOptions, FitProgress, FitResult } from './fit-options.js';

/**
 * Penalised maximum-likelihood logistic regression on the scorer's own
 * feature columns. Columns are standardised for the solver (so one l2 means
 * the same for a flag and a wait) and the result is folded back into raw
 * column weights and an intercept; the base model's reference interaction is
 * kept, because absent signals are scored at the reference value and the
 * fitted weights were estimated with them there. When the records have
 * text, the words of the team's own domain are learned too (learned terms),
 * in the same fit.
 */
export function fit(records: LabeledRecords, given: FitOptions = {}): FitResult {
  const builder = new FitDataBuilder(given);
  if (!Array.isArray(records)) throw new TypeError('records must be an array of labelled interactions');
  if (records.length === 0) throw new DegenerateDataError('no records to fit');
  const { interactions, labels, weights } = checkRecords(records, true);
  const step = Math.max(1, Math.floor(records.length / 20));
  for (let i = 0; i < interactions.length; i++) {
    builder.addChecked(interactions[i] as NormalizedInteraction, labels[i] as 0 | 1, weights?.[i]);
    if ((i + 1) % step === 0) builder.options.onProgress?.({ phase: 'columns', done: i + 1, total: records.length });
  }
  return fitDesign(builder.finish());
}

/**
 * The same fit from data already built (FitDataBuilder): the typed design
 * matrix, labels and weights, and each row's candidate terms. This is what
 * `fit` runs after building the data from its records, so both give the
 * same model. `releaseCandidates` lets go of the rows' candidate terms once
 * the vocabulary is chosen (less memory for the term fit; the data can then
 * not be cross-validated).
 */
export function fitDesign(data: FitData, how: { releaseCandidates?: boolean } = {}): FitResult {
  const started = Date.now();
  const { options, base, draft, design, labels, learning } = data;
  imputeNewColumns(design, draft);

  const combined = combineWeights(labels, data.weights, options.classWeight);
  // Extreme weights are rescaled by a power of two, and l2 with them: the same optimum, in numbers a solver holds.
  const scaled = scaleWeights(combined.weights);
  const classes = { ...combined, weights: scaled.weights };
  const l2 = scaled.scaleL2(options.l2 ?? DEFAULT_L2);
  const standardErrors = options.standardErrors ?? (options.classWeight !== undefined ? 'robust' : 'model');
  const constantColumns = options.constantColumns === 'error' ? 'error' : 'drop';
  const onIteration = (e: { iteration: number; gradientNorm: number; objective: number }): void => options.onProgress?.({ phase: 'iteration', ...e });
  const scaledLearning = learning === undefined || learning.l2 === undefined ? learning : { ...learning, l2: scaled.scaleL2(learning.l2) };
  const learned = withNumericGuard(l2, () =>
    scaledLearning === undefined ? undefined : learnTerms(design, data.termNames, labels, classes.weights, scaledLearning, { l2, constantColumns, standardErrors, options, onIteration, release: how.releaseCandidates === true }),
  );
  const result: MatrixFit = withNumericGuard(l2, () =>
    learned?.dense ??
    fitLogisticMatrix(design.x, design.rows, design.cols, labels, {
      l2,
      ...(classes.weights !== undefined ? { weights: classes.weights } : {}),
      columnNames: design.columns,
      constantColumns,
      standardErrors,
      ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
      ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
      onIteration,
    }),
  );
  if (l2 === 0) refuseRunawayWeights(result);

  const shipped = keepPriorWeights(result, design.columns, base);
  refuseUnrepresentable({ ...result, intercept: shipped.intercept, coefficients: shipped.coefficients }, design.columns, l2);
  const model = assembleFittedModel({ base, draft: draft.model, design, fit: result, shipped, terms: learned, options, createdAt: new Date().toISOString() });
  const probabilities = predictFromMatrix(design, shipped.coefficients, shipped.intercept, learned?.rowTermSums);
  const report = buildFitReport({
    design,
    labels,
    classWeights: classes,
    fit: result,
    shipped,
    base,
    standardErrors,
    terms: learning === undefined ? undefined : { options: learning, learned },
    elapsedMs: Date.now() - started,
  });
  if (scaled.note !== undefined) report.warnings.push(scaled.note);
  return { model, report, probabilities };
}

/**
 * The vocabulary the records support (frequent enough to be language, not
 * one customer's data), fitted jointly with the dense columns; undefined
 * when no candidate is frequent enough, and the dense fit goes ahead alone.
 */
function learnTerms(
  design: DesignMatrix,
  termNames: readonly string[],
  labels: Uint8Array,
  weights: Float64Array | undefined,
  learning: ResolvedTermsOptions,
  fit: { l2: number; constantColumns: 'drop' | 'error'; standardErrors: 'model' | 'robust'; options: FitOptions; onIteration: (e: { iteration: number; gradientNorm: number; objective: number }) => void; release: boolean },
): TermsFit | undefined {
  const rows = design.candidates;
  if (rows === undefined) return undefined;
  const vocabulary = selectCandidates(termNames, rows, { minDocuments: learning.minDocuments, maxCandidates: Math.max(MAX_CANDIDATES, learning.maxTerms) });
  if (fit.release) rows.release();
  if (vocabulary.terms.length === 0) return undefined;
  return fitWithTerms({ rows: design.rows, dense: design.x, denseCols: design.cols, y: labels, weights }, vocabulary, {
    l2Dense: fit.l2,
    l2Terms: learning.l2,
    maxTerms: learning.maxTerms,
    minDocuments: learning.minDocuments,
    standardErrors: fit.standardErrors,
    constantColumns: fit.constantColumns,
    maxIterations: fit.options.maxIterations,
    tolerance: fit.options.tolerance,
    denseNames: design.columns,
    onIteration: fit.onIteration,
  });
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
