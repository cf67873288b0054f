import type { Model, FeatureSpec } from '../model/model-schema.js';
import { MODEL_FORMAT_VERSION } from '../model/model-schema.js';
import { checkedModel } from '../model/checked-model.js';
import { parseModel } from '../model/parse-model.js';
import { completeFromData, featureColumns } from '../features/registry.js';
import { clampLogOdds, sigmoid } from '../core/logistic.js';
import type { TextAnalyzer } from '../conversation/text-analyzer.js';
import type { BandThresholds } from '../model/model-schema.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import { checkRecords, type LabeledRecords } from './labeled-records.js';
import { buildDesignMatrix, type DesignMatrix } from './design-matrix.js';
import { combineWeights, type ClassWeight } from './class-weights.js';
import { fitLogisticMatrix, DegenerateDataError, DEFAULT_L2, Z_95, type MatrixFit } from './fit-matrix.js';
import type { FitReport, WeightEstimate } from './fit-report.js';

export interface FitOptions {
  /** Features, reference interaction, bands and prior weights to start from (default: the built-in model). */
  baseModel?: Model;
  /** Keep only these feature ids of the base model. */
  features?: readonly string[];
  /** Features to add (typically `attribute` features); a category without levels takes them from the data. */
  extraFeatures?: readonly FeatureSpec[];
  /** Ridge strength on standardised weights (default 1, scikit-learn's C = 1); 0 for plain maximum likelihood. */
  l2?: number;
  /** 'balanced' weighs both classes equally (ranks well, but probabilities then over-state risk). */
  classWeight?: ClassWeight;
  /**
   * A column with one value in every row cannot be fitted. 'error' (default)
   * refuses; 'keepPrior' keeps the base model's weight for it (absorbed into
   * the intercept on this data) and lists it in `report.notFitted`.
   */
  constantColumns?: 'error' | 'keepPrior';
  /**
   * 'model': inverse-Hessian standard errors (right when weights are counts).
   * 'robust': sandwich (Huber-White) standard errors. Default: 'robust' with
   * class weights, 'model' otherwise.
   */
  standardErrors?: 'model' | 'robust';
  maxIterations?: number;
  /** Converged when max |gradient| ≤ tolerance × total weight (default 1e-9). */
  tolerance?: number;
  id?: string;
  description?: string;
  bands?: BandThresholds;
  /** The analyzer the scorer will use (custom lexicon): text columns must be read the same way. */
  analyzer?: TextAnalyzer;
  /** Progress for long runs: building columns, then each Newton iteration. */
  onProgress?: (event: FitProgress) => void;
}

export type FitProgress =
  | { phase: 'columns'; done: number; total: number }
  | { phase: 'iteration'; iteration: number; gradientNorm: number; objective: number };

export interface FitResult {
  model: Model;
  report: FitReport;
  /** Each training row's probability under the fitted model, as `createScorer(model)` gives it. */
  probabilities: Float64Array;
}

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
  const specs = selectFeatures(base, options, interactions);
  const draft = draftModel(base, specs);
  const design = buildDesignMatrix(draft.model, interactions, {
    ...(options.analyzer !== undefined ? { analyzer: options.analyzer } : {}),
    onProgress: (done, total) => options.onProgress?.({ phase: 'columns', done, total }),
  });
  imputeNewColumns(design, draft.newColumns, draft.model.reference.values);

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
  // Unpenalised fits of separable data chase infinite weights; the gradient
  // then vanishes numerically, so a runaway weight (15 log-odds per standard
  // deviation: no real signal is that sharp) is the tell.
  if (l2 === 0 && (!result.converged || maxAbs(result.standardizedCoefficients) > 15))
    throw new DegenerateDataError(
      `no finite maximum-likelihood solution (after ${result.iterations} iterations, largest standardised weight ${maxAbs(result.standardizedCoefficients).toFixed(1)}): the classes are (nearly) separable by these features; use l2 > 0`,
    );

  const coefficients = result.coefficients;
  let intercept = result.intercept;
  const notFitted: string[] = [];
  for (const j of result.dropped) {
    const column = design.columns[j] as string;
    const prior = base.weights[column] ?? 0;
    coefficients[j] = prior;
    // Constant at means[j] in this data: the intercept gives back what the prior weight adds there,
    // so training probabilities are unchanged and new data where the signal varies uses the prior.
    intercept -= prior * (result.means[j] as number);
    notFitted.push(column);
  }
  const model = finishModel(base, draft.model, design, result, coefficients, intercept, options, notFitted);
  const probabilities = predictFromMatrix(design, coefficients, intercept);
  const report = buildReport(design, labels, classes, result, coefficients, intercept, base, notFitted, started, standardErrors);
  return { model, report, probabilities };
}

function selectFeatures(base: Model, options: FitOptions, interactions: readonly NormalizedInteraction[]): FeatureSpec[] {
  let specs: FeatureSpec[] = [...base.features];
  if (options.features !== undefined) {
    const wanted = new Set(options.features);
    for (const id of wanted) if (!specs.some((s) => s.id === id)) throw new RangeError(`feature "${id}" is not in the base model (${specs.map((s) => s.id).join(', ')})`);
    specs = specs.filter((s) => wanted.has(s.id));
  }
  for (const extra of options.extraFeatures ?? []) {
    if (specs.some((s) => s.id === extra.id)) throw new RangeError(`extra feature "${extra.id}" clashes with a feature of the base model`);
    specs.push(completeFromData(extra, interactions));
  }
  if (specs.length === 0) throw new RangeError('no features to fit');
  return specs;
}

/** A valid model with the chosen features, the base model's weights and reference, and 0 / NaN for new columns. */
function draftModel(base: Model, specs: FeatureSpec[]): { model: Model; newColumns: Set<string> } {
  const weights: Record<string, number> = {};
  const values: Record<string, number> = {};
  const newColumns = new Set<string>();
  for (const spec of specs)
    for (const column of featureColumns(spec)) {
      weights[column] = base.weights[column] ?? 0;
      const reference = base.reference.values[column];
      if (reference === undefined) newColumns.add(column);
      values[column] = reference ?? 0;
    }
  const model: Model = { ...base, features: specs, weights, reference: { ...base.reference, values } };
  return { model, newColumns };
}

/**
 * A column the base model has no reference for (a new attribute) takes the
 * mean of its present values as reference, and absent rows sit there: a
 * missing balance then means "an average balance", not zero.
 */
function imputeNewColumns(design: DesignMatrix, newColumns: Set<string>, reference: Record<string, number>): void {
  const { x, absent, rows, cols, columns } = design;
  for (let j = 0; j < cols; j++) {
    const column = columns[j] as string;
    if (!newColumns.has(column)) continue;
    let sum = 0;
    let n = 0;
    for (let i = 0; i < rows; i++) if (!absent[i * cols + j]) (sum += x[i * cols + j] as number), n++;
    const mean = n > 0 ? sum / n : 0;
    reference[column] = mean;
    (design.compiled.reference as Float64Array)[j] = mean;
    for (let i = 0; i < rows; i++) if (absent[i * cols + j]) x[i * cols + j] = mean;
  }
}

function finishModel(
  base: Model,
  draft: Model,
  design: DesignMatrix,
  result: MatrixFit,
  coefficients: Float64Array,
  intercept: number,
  options: FitOptions,
  notFitted: string[],
): Model {
  const weights: Record<string, number> = {};
  const means: Record<string, number> = {};
  const sds: Record<string, number> = {};
  const errors: Record<string, number | null> = {};
  design.columns.forEach((column, j) => {
    weights[column] = coefficients[j] as number;
    means[column] = result.means[j] as number;
    sds[column] = result.sds[j] as number;
    const se = result.standardErrors[j] as number;
    errors[column] = Number.isFinite(se) ? se : null;
  });
  const model: Model = {
    formatVersion: MODEL_FORMAT_VERSION,
    id: options.id ?? `${base.id}+fit`,
    description: options.description ?? `Fitted on ${design.rows} labelled interactions from ${base.id} (complaint-risk/calibrate).`,
    createdAt: new Date().toISOString(),
    features: draft.features,
    weights,
    intercept,
    reference: draft.reference,
    bands: options.bands ?? base.bands,
    metadata: {
      fit: {
        baseModel: base.id,
        rows: design.rows,
        l2: result.l2,
        iterations: result.iterations,
        converged: result.converged,
        gradientNorm: result.gradientNorm,
        logLikelihood: result.logLikelihood,
        interceptStandardError: result.interceptStandardError,
        standardErrors: errors,
        notFitted,
      },
      // The solver's scale: weight per standard deviation = weight × sd.
      standardization: { means, sds },
    },
  };
  return parseModel(model);
}

/** Probabilities exactly as the scorer computes them (log-odds bounded to ±12). */
export function predictFromMatrix(design: DesignMatrix, coefficients: Float64Array, intercept: number): Float64Array {
  const { x, rows, cols } = design;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let eta = intercept;
    const base = i * cols;
    for (let j = 0; j < cols; j++) eta += (coefficients[j] as number) * (x[base + j] as number);
    out[i] = sigmoid(clampLogOdds(eta));
  }
  return out;
}

function buildReport(
  design: DesignMatrix,
  labels: Uint8Array,
  classes: { positive: number; negative: number },
  result: MatrixFit,
  coefficients: Float64Array,
  intercept: number,
  base: Model,
  notFitted: string[],
  started: number,
  standardErrors: 'model' | 'robust',
): FitReport {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] as number;
  const featureOf = new Map<string, string>();
  for (const spec of design.compiled.specs) for (const column of featureColumns(spec)) featureOf.set(column, spec.id);
  const weights: WeightEstimate[] = design.columns.map((column, j) => {
    const estimate = coefficients[j] as number;
    const standardError = result.standardErrors[j] as number;
    const fitted = !notFitted.includes(column);
    return {
      column,
      feature: featureOf.get(column) ?? column,
      estimate,
      standardError,
      lower: fitted ? estimate - Z_95 * standardError : NaN,
      upper: fitted ? estimate + Z_95 * standardError : NaN,
      standardized: fitted ? estimate * (result.sds[j] as number) : 0,
      prior: base.weights[column],
      fitted,
      mean: result.means[j] as number,
      sd: result.sds[j] as number,
    };
  });
  const warnings: string[] = [];
  if (!result.converged)
    warnings.push(`the solver stopped after ${result.iterations} iterations without meeting the tolerance (largest gradient ${result.gradientNorm.toExponential(2)})`);
  if (notFitted.length > 0)
    warnings.push(`constant in the data, prior weight kept: ${notFitted.join(', ')}`);
  const z = Z_95 * result.interceptStandardError;
  return {
    rows: design.rows,
    positives,
    negatives: design.rows - positives,
    totalWeight: result.totalWeight,
    l2: result.l2,
    standardErrors,
    classWeights: { positive: classes.positive, negative: classes.negative },
    iterations: result.iterations,
    converged: result.converged,
    gradientNorm: result.gradientNorm,
    logLikelihood: result.logLikelihood,
    nullLogLikelihood: result.nullLogLikelihood,
    pseudoR2: 1 - result.logLikelihood / result.nullLogLikelihood,
    intercept: { estimate: intercept, standardError: result.interceptStandardError, lower: intercept - z, upper: intercept + z },
    weights,
    notFitted,
    warnings,
    elapsedMs: Date.now() - started,
  };
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}
