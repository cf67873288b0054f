import type { Model } from '../model/model-schema.js';
import { featureColumns } from '../features/registry.js';
import type { DesignMatrix } from './design-matrix.js';
import { Z_95, type MatrixFit } from './fit-matrix.js';
import type { ShippedWeights } from './fitted-model.js';
import type { FitReport, TermsReport, WeightEstimate } from './fit-report.js';
import type { ResolvedTermsOptions } from './learned-terms/terms-options.js';
import type { TermsFit } from './learned-terms/fit-with-terms.js';

export interface FitReportInput {
  readonly design: DesignMatrix;
  readonly labels: Uint8Array;
  /** The class factors the row weights were multiplied by. */
  readonly classWeights: { readonly positive: number; readonly negative: number };
  readonly fit: MatrixFit;
  readonly shipped: ShippedWeights;
  readonly base: Model;
  readonly standardErrors: 'model' | 'robust';
  /** Learned terms, when the fit was to learn them (`learned` undefined when the records supported none). */
  readonly terms: { readonly options: ResolvedTermsOptions; readonly learned: TermsFit | undefined } | undefined;
  readonly elapsedMs: number;
}

/** Terms listed each way in the report. */
const REPORTED_TERMS = 20;

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
  const terms = input.terms === undefined ? undefined : termsReport(input.terms.options, input.terms.learned);
  if (terms !== undefined && terms.learned === 0)
    warnings.push(`no term occurs in ${terms.minDocuments} or more records: no terms learned (lower terms.minDocuments, never below 2, or fit on more rows)`);
  if (terms !== undefined && terms.learned > 0)
    warnings.push('standard errors of the signal weights are conditional on the learned term weights (the terms held fixed)');
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
    ...(terms !== undefined ? { terms } : {}),
    warnings,
    elapsedMs: input.elapsedMs,
  };
}

function termsReport(options: ResolvedTermsOptions, learned: TermsFit | undefined): TermsReport {
  const terms = learned?.terms ?? [];
  return {
    learned: terms.length,
    candidates: learned?.candidates ?? 0,
    minDocuments: options.minDocuments,
    maxTerms: options.maxTerms,
    l2: learned?.l2Terms,
    l2ChosenBy: learned === undefined ? undefined : learned.choice === undefined ? 'option' : 'cross-validation',
    crossValidation: learned?.choice?.path.map((p) => ({ ...p })) ?? [],
    towardComplaint: terms.filter((t) => t.weight > 0).slice(0, REPORTED_TERMS).map((t) => ({ ...t })),
    towardNoComplaint: terms.filter((t) => t.weight < 0).reverse().slice(0, REPORTED_TERMS).map((t) => ({ ...t })),
  };
}
