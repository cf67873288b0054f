import type { Model } from '../model/model-schema.js';
import { MODEL_FORMAT_VERSION } from '../model/model-schema.js';
import { parseModel } from '../model/parse-model.js';
import type { DesignMatrix } from './design-matrix.js';
import type { MatrixFit } from './fit-matrix.js';
import type { FitOptions } from './fit-options.js';
import type { TermsFit } from './learned-terms/fit-with-terms.js';

/** The weights the fitted model ships: the solver's, with the prior put back where a column could not be fitted. */
export interface ShippedWeights {
  /** Raw column weights, in design-matrix column order. */
  readonly coefficients: Float64Array;
  readonly intercept: number;
  /** Columns constant in the data that kept the base model's weight. */
  readonly notFitted: readonly string[];
}

/**
 * A column constant at its mean in this data cannot be fitted, so it keeps
 * the base model's weight, and the intercept gives back what that weight adds
 * there: training probabilities are unchanged, and new data where the signal
 * varies uses the prior. Writes the prior into `result.coefficients`.
 */
export function keepPriorWeights(result: MatrixFit, columns: readonly string[], base: Model): ShippedWeights {
  const coefficients = result.coefficients;
  let intercept = result.intercept;
  const notFitted: string[] = [];
  for (const j of result.dropped) {
    const column = columns[j] as string;
    const prior = base.weights[column] ?? 0;
    coefficients[j] = prior;
    intercept -= prior * (result.means[j] as number);
    notFitted.push(column);
  }
  return { coefficients, intercept, notFitted };
}

export interface FittedModelInput {
  readonly base: Model;
  /** The draft the design matrix was built from: its features and (imputed) reference. */
  readonly draft: Model;
  readonly design: DesignMatrix;
  readonly fit: MatrixFit;
  readonly shipped: ShippedWeights;
  /** The learned terms, when the fit learned any: they become one `terms` feature (its column's weight 1, reference 0). */
  readonly terms: TermsFit | undefined;
  readonly options: Pick<FitOptions, 'id' | 'description' | 'bands' | 'points'>;
  /** ISO time stamp for `createdAt`: the caller reads the clock (provenance only, never a weight). */
  readonly createdAt: string;
}

/**
 * The fitted model as data: the draft's features and reference, the shipped
 * weights, and in `metadata` what a reader needs to judge them (the fit's
 * figures, standard errors, and the scale the solver worked on). Parsed
 * before it is returned, so it is exactly what loading the saved file gives.
 */
export function assembleFittedModel({ base, draft, design, fit, shipped, terms, options, createdAt }: FittedModelInput): Model {
  // Points are a reading of the log-odds, not a weight: the base model's scale carries over unless another is asked for.
  const points = options.points ?? base.points;
  const weights: Record<string, number> = {};
  const means: Record<string, number> = {};
  const sds: Record<string, number> = {};
  const errors: Record<string, number | null> = {};
  design.columns.forEach((column, j) => {
    weights[column] = shipped.coefficients[j] as number;
    means[column] = fit.means[j] as number;
    sds[column] = fit.sds[j] as number;
    const se = fit.standardErrors[j] as number;
    errors[column] = Number.isFinite(se) ? se : null;
  });
  const features = [...draft.features];
  const reference = { ...draft.reference, values: { ...draft.reference.values } };
  if (terms !== undefined) {
    const id = termsFeatureId(features.map((f) => f.id));
    features.push({ id, kind: 'terms', terms: terms.terms.map((t) => [t.term, t.weight] as [string, number]), minDocuments: terms.minDocuments });
    // The vocabulary's weights are the fitted ones; the column adds their sum as it is.
    weights[id] = 1;
    reference.values[id] = 0;
  }
  const model: Model = {
    formatVersion: MODEL_FORMAT_VERSION,
    id: options.id ?? `${base.id}+fit`,
    description: options.description ?? `Fitted on ${design.rows} labelled interactions from ${base.id} (complaint-risk/calibrate).`,
    createdAt,
    features,
    weights,
    intercept: shipped.intercept,
    reference,
    bands: options.bands ?? base.bands,
    ...(points === undefined ? {} : { points }),
    metadata: {
      fit: {
        baseModel: base.id,
        rows: design.rows,
        l2: fit.l2,
        iterations: fit.iterations,
        converged: fit.converged,
        gradientNorm: fit.gradientNorm,
        logLikelihood: fit.logLikelihood,
        interceptStandardError: fit.interceptStandardError,
        standardErrors: errors,
        notFitted: [...shipped.notFitted],
        ...(terms === undefined
          ? {}
          : { terms: { learned: terms.terms.length, candidates: terms.candidates, minDocuments: terms.minDocuments, l2: terms.l2Terms, l2ChosenBy: terms.choice === undefined ? 'option' : 'cross-validation' } }),
      },
      // The solver's scale: weight per standard deviation = weight × sd.
      standardization: { means, sds },
    },
  };
  return parseModel(model);
}

/** `terms`, or the first free `terms2`, `terms3`, … when a feature of the base model already has that id. */
function termsFeatureId(taken: readonly string[]): string {
  if (!taken.includes('terms')) return 'terms';
  let n = 2;
  while (taken.includes(`terms${n}`)) n++;
  return `terms${n}`;
}
