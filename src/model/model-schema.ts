import * as z from 'zod';
import { lazySchema } from '../core/lazy-schema.js';
import { featureColumns, featureSpecSchema } from '../features/registry.js';

/** The model file format this build reads and writes. Older versions are migrated; newer ones are refused. */
export const MODEL_FORMAT_VERSION = 1;

/**
 * Bounds on a model's numbers. Far beyond anything a fit produces, they keep
 * every weight × column value finite, so no model file can turn a score into
 * NaN or Infinity.
 */
export const MODEL_NUMBER_LIMITS = Object.freeze({ maxWeight: 1e6, maxIntercept: 1e3, maxReference: 1e12, maxColumns: 20_000, maxPoints: 1e6 });

/** Cross-field issues reported per model: a million stray weights must not cost a million messages. */
const MAX_MODEL_ISSUES = 100;

function bounded(limit: number, what: string) {
  return z
    .number({ error: `must be a finite number (${what})` })
    .min(-limit, { error: `must be within ±${limit} (${what})` })
    .max(limit, { error: `must be within ±${limit} (${what})` });
}
const columnName = /* @__PURE__ */ lazySchema(() => z.string().max(200));
const fewColumns = (m: Record<string, number>): boolean => Object.keys(m).length <= MODEL_NUMBER_LIMITS.maxColumns;
const weightMap = /* @__PURE__ */ lazySchema(() =>
  z
    .record(columnName, bounded(MODEL_NUMBER_LIMITS.maxWeight, 'log-odds per unit of the column'), {
      error: 'weights must be an object of column name → number',
    })
    .refine(fewColumns, { error: `a model has at most ${MODEL_NUMBER_LIMITS.maxColumns} columns`, abort: true }),
);
const referenceMap = /* @__PURE__ */ lazySchema(() =>
  z
    .record(columnName, bounded(MODEL_NUMBER_LIMITS.maxReference, "the reference interaction's column value"), {
      error: 'reference values must be an object of column name → number',
    })
    .refine(fewColumns, { error: `a model has at most ${MODEL_NUMBER_LIMITS.maxColumns} columns`, abort: true }),
);
const probability = /* @__PURE__ */ lazySchema(() => z.number().gt(0).lt(1));

export const bandThresholdsSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ medium: probability, high: probability, critical: probability })
    .refine((b) => b.medium < b.high && b.high < b.critical, {
      error: 'band thresholds must increase: medium < high < critical',
    }),
);

/**
 * Scorecard points (see core/scorecard-points.ts): `base` points at good:bad
 * odds of `odds` to 1, `pdo` points to double the odds. Bounds keep every
 * result's points finite and meaningful.
 */
export const pointsScaleSchema = /* @__PURE__ */ lazySchema(
  () =>
    z.strictObject({
      base: bounded(MODEL_NUMBER_LIMITS.maxPoints, 'points at the base odds'),
      odds: z
        .number({ error: 'must be a finite number (good:bad odds at the base points, e.g. 19 for 1 complaint in 20)' })
        .min(1e-6, { error: 'must be between 1e-6 and 1e6 (good:bad odds at the base points, e.g. 19 for 1 complaint in 20)' })
        .max(1e6, { error: 'must be between 1e-6 and 1e6 (good:bad odds at the base points, e.g. 19 for 1 complaint in 20)' }),
      pdo: z
        .number({ error: 'must be a finite number (points to double the odds)' })
        .gt(0, { error: 'must be > 0 (points to double the odds)' })
        .max(MODEL_NUMBER_LIMITS.maxPoints, { error: `must be at most ${MODEL_NUMBER_LIMITS.maxPoints} (points to double the odds)` }),
    }),
  { description: 'Scorecard points: base points at good:bad odds `odds`:1, pdo points to double the odds.' },
);

export const modelSchema = /* @__PURE__ */ lazySchema(
  () =>
    z
      .strictObject({
        $schema: z.string().max(500).optional(),
        formatVersion: z.literal(MODEL_FORMAT_VERSION, {
          error: (issue) =>
            Number.isInteger(issue.input) && (issue.input as number) > MODEL_FORMAT_VERSION
              ? `formatVersion ${issue.input} is newer than this complaint-risk understands (${MODEL_FORMAT_VERSION}); upgrade complaint-risk to load it`
              : `formatVersion must be ${MODEL_FORMAT_VERSION}`,
        }),
        id: z.string().min(1).max(200),
        description: z.string().max(5000).optional(),
        createdAt: z.string().max(64).optional(),
        features: z.array(featureSpecSchema).min(1).max(500),
        /** Log-odds per unit of each column, on the columns' raw scale. */
        weights: weightMap,
        intercept: bounded(MODEL_NUMBER_LIMITS.maxIntercept, 'log-odds'),
        /** The reference interaction's column values: factors explain the distance from it. */
        reference: z.strictObject({
          values: referenceMap,
          label: z.strictObject({ zh: z.string().max(500), en: z.string().max(500) }).optional(),
        }),
        bands: bandThresholdsSchema,
        /** Optional scorecard points: results and factors then carry `points` beside probabilities and contributions. */
        points: pointsScaleSchema.optional(),
        /** Free-form provenance (fit summary, training statistics). Never read by the scorer. */
        metadata: z.record(z.string().max(200), z.json()).optional(),
      })
      .superRefine((model, ctx) => {
        let reported = 0;
        const report = (path: PropertyKey[], message: string): void => {
          if (++reported <= MAX_MODEL_ISSUES) ctx.addIssue({ code: 'custom', path, message });
        };
        const seen = new Set<string>();
        const columns = new Set<string>();
        let termsFeatures = 0;
        model.features.forEach((spec, i) => {
          if (seen.has(spec.id)) report(['features', i, 'id'], `duplicate feature id "${spec.id}"`);
          // One vocabulary per model: the scanner matches one set of learned terms in its pass.
          if (spec.kind === 'terms' && ++termsFeatures > 1) report(['features', i, 'kind'], 'a model holds at most one terms feature');
          seen.add(spec.id);
          for (const column of featureColumns(spec)) columns.add(column);
        });
        // Own keys only: a feature named toString must not find its weight on Object.prototype.
        const has = (map: Record<string, number>, key: string): boolean => Object.prototype.hasOwnProperty.call(map, key);
        for (const column of columns) {
          if (!has(model.weights, column)) report(['weights', column], `missing weight for column "${column}"`);
          if (!has(model.reference.values, column)) report(['reference', 'values', column], `missing reference value for column "${column}"`);
        }
        for (const key of Object.keys(model.weights)) if (!columns.has(key)) report(['weights', key], `weight for unknown feature column "${key}"`);
        for (const key of Object.keys(model.reference.values))
          if (!columns.has(key)) report(['reference', 'values', key], `reference value for unknown feature column "${key}"`);
        if (reported > MAX_MODEL_ISSUES) ctx.addIssue({ code: 'custom', path: [], message: `${reported - MAX_MODEL_ISSUES} more problems not listed` });
      }),
  { id: 'Model', title: 'complaint-risk model', description: 'A logistic complaint-risk model with explainable features.' },
);

export type Model = z.output<typeof modelSchema>;
export type BandThresholds = z.output<typeof bandThresholdsSchema>;
export type PointsScale = z.output<typeof pointsScaleSchema>;
export type { FeatureSpec } from '../features/registry.js';
