import type { Model, FeatureSpec } from '../model/model-schema.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import { completeFromData, featureColumns } from '../features/registry.js';
import type { DesignMatrix } from './design-matrix.js';
import type { FitOptions } from './fit-options.js';

/**
 * The model before its weights are fitted: which features, and where each
 * column sits when its signal is absent. The design matrix is built from it,
 * so the fitted weights are estimated exactly as the scorer will apply them.
 */
export interface DraftModel {
  /** A valid model with the chosen features, the base model's weights and reference, and 0 / NaN for new columns. */
  readonly model: Model;
  /** Columns the base model has no reference value for. */
  readonly newColumns: ReadonlySet<string>;
}

/** The base model's features, narrowed to `features` and extended by `extraFeatures`; names any that do not fit. */
export function selectFeatures(
  base: Model,
  options: Pick<FitOptions, 'features' | 'extraFeatures'>,
  interactions: readonly NormalizedInteraction[],
): FeatureSpec[] {
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

export function draftModel(base: Model, specs: FeatureSpec[]): DraftModel {
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
 * missing balance then means "an average balance", not zero. Writes the
 * draft's reference values and the design matrix in place.
 */
export function imputeNewColumns(design: DesignMatrix, draft: DraftModel): void {
  const { x, absent, rows, cols, columns } = design;
  const reference = draft.model.reference.values;
  const categoryColumns = new Set(
    draft.model.features.flatMap((f) => (f.kind === 'attribute' && f.type === 'category' ? (f.levels ?? []).map((level) => `${f.id}.${level}`) : [])),
  );
  for (let j = 0; j < cols; j++) {
    const column = columns[j] as string;
    if (!draft.newColumns.has(column)) continue;
    let sum = 0;
    let n = 0;
    for (let i = 0; i < rows; i++) if (!absent[i * cols + j]) (sum += x[i * cols + j] as number), n++;
    // A category's one-hot column: its reference is the reference level (all columns 0), which then contributes nothing.
    const mean = categoryColumns.has(column) ? 0 : n > 0 ? sum / n : 0;
    reference[column] = mean;
    (design.compiled.reference as Float64Array)[j] = mean;
    for (let i = 0; i < rows; i++) if (absent[i * cols + j]) x[i * cols + j] = mean;
  }
}
