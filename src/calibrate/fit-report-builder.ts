import type { Model } from '../model/model-schema.js';
import { featureColumns } from '../features/registry.js';
import type { DesignMatrix } from './design-matrix.js';
import { Z_95, type MatrixFit } from './fit-matrix.js';
import type { ShippedWeights } from './fitted-model.js';
import type { FitReport, WeightEstimate } from './fit-report.js';

export interface FitReportInput {
  readonly design: DesignMatrix;
  readonly labels: Uint8Array;
  /** The class factors the row weights were multiplied by. */
  readonly classWeights: { readonly positive: number; readonly negative: number };
  readonly fit: MatrixFit;
  readonly shipped: ShippedWeights;
  readonly base: Model;
  readonly standardErrors: 'model' | 'robust';
  readonly elapsedMs: number;
}

/**
 * What a data team reads before trusting a fit: every shipped weight with
 * its 95 % interval, its standardised size and the prior it replaced, the
 * likelihood figures, and warnings for what did not go to plan.
 */
export function buildFitReport(input: FitReportInput): FitReport {
  const { design, labels, fit, shipped, base } = input;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] as number;
  const featureOf = new Map<string, string>();
  for (const spec of design.compiled.specs) for (const column of featureColumns(spec)) featureOf.set(column, spec.id);
  const weights: WeightEstimate[] = design.columns.map((column, j) => {
    const estimate = shipped.coefficients[j] as number;
    const standardError = fit.standardErrors[j] as number;
    const fitted = !shipped.notFitted.includes(column);
    return {
      column,
      feature: featureOf.get(column) ?? column,
      estimate,
      standardError,
      lower: fitted ? estimate - Z_95 * standardError : NaN,
      upper: fitted ? estimate + Z_95 * standardError : NaN,
      standardized: fitted ? estimate * (fit.sds[j] as number) : 0,
      prior: base.weights[column],
      fitted,
      mean: fit.means[j] as number,
      sd: fit.sds[j] as number,
    };
  });
  const warnings: string[] = [];
  if (!fit.converged)
    warnings.push(`the solver stopped after ${fit.iterations} iterations without meeting the tolerance (largest gradient ${fit.gradientNorm.toExponential(2)})`);
  if (shipped.notFitted.length > 0) warnings.push(`constant in the data, prior weight kept: ${shipped.notFitted.join(', ')}`);
  const intercept = shipped.intercept;
  const z = Z_95 * fit.interceptStandardError;
  return {
    rows: design.rows,
    positives,
    negatives: design.rows - positives,
    totalWeight: fit.totalWeight,
    l2: fit.l2,
    standardErrors: input.standardErrors,
    classWeights: { positive: input.classWeights.positive, negative: input.classWeights.negative },
    iterations: fit.iterations,
    converged: fit.converged,
    gradientNorm: fit.gradientNorm,
    logLikelihood: fit.logLikelihood,
    nullLogLikelihood: fit.nullLogLikelihood,
    pseudoR2: 1 - fit.logLikelihood / fit.nullLogLikelihood,
    intercept: { estimate: intercept, standardError: fit.interceptStandardError, lower: intercept - z, upper: intercept + z },
    weights,
    notFitted: [...shipped.notFitted],
    warnings,
    elapsedMs: input.elapsedMs,
  };
}
