import * as z from 'zod';
import { lazySchema } from '../core/lazy-schema.js';
import { MAX_TERMS } from '../features/kinds/terms.js';
import { MIN_DOCUMENTS_FLOOR } from './learned-terms/terms-options.js';
import { pointsScaleSchema } from '../model/model-schema.js';

/**
 * The options of every public calibration function, checked before any work
 * (checkOptions): strict objects, so a typo such as `maxIteration` is an
 * unknown key at its path, and every number within what it means.
 */

const finite = (what: string) => z.number({ error: `${what} must be a number` }).refine(Number.isFinite, { error: `${what} must be a finite number` });
const nonNegative = (what: string) => finite(what).min(0, { error: `${what} must be ≥ 0` });
const positive = (what: string) => finite(what).gt(0, { error: `${what} must be > 0` });
const wholeNumber = (what: string, min: number, max: number) =>
  z.int({ error: `${what} must be a whole number` }).min(min, { error: `${what} must be at least ${min}` }).max(max, { error: `${what} must be at most ${max.toLocaleString('en')}` });
const probability = (what: string) => finite(what).gt(0, { error: `${what} must be > 0` }).lt(1, { error: `${what} must be < 1` });
const fn = (what: string) => z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { error: `${what} must be a function` });
const object = (what: string) => z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: `${what} must be an object` });
const analyzer = () =>
  z.custom<{ analyze: unknown }>((v) => typeof v === 'object' && v !== null && typeof (v as { analyze?: unknown }).analyze === 'function', {
    error: 'analyzer must be a text analyzer (an object with an analyze method, e.g. from createTextAnalyzer)',
  });
const bandsSchema = () => z.strictObject({ medium: probability('medium'), high: probability('high'), critical: probability('critical') });

export const termsOptionsSchema = /* @__PURE__ */ lazySchema(() =>
  z.union([
    z.literal(false),
    z.strictObject({
      maxTerms: wholeNumber('maxTerms', 1, MAX_TERMS).optional(),
      minDocuments: wholeNumber('minDocuments', MIN_DOCUMENTS_FLOOR, 1_000_000).optional(),
      l2: positive('terms.l2').optional(),
    }),
  ], { error: 'terms must be false or { maxTerms?, minDocuments?, l2? }' }),
);

const fitShape = () => ({
  baseModel: object('baseModel').optional(),
  features: z.array(z.string().min(1), { error: 'features must be a list of feature ids' }).max(1_000).optional(),
  extraFeatures: z.array(object('each extra feature'), { error: 'extraFeatures must be a list of feature definitions' }).max(1_000).optional(),
  l2: nonNegative('l2').optional(),
  classWeight: z.union([z.literal('balanced'), z.strictObject({ positive: positive('classWeight.positive'), negative: positive('classWeight.negative') })], {
    error: "classWeight must be 'balanced' or { positive, negative }",
  }).optional(),
  constantColumns: z.enum(['error', 'keepPrior'], { error: "constantColumns must be 'keepPrior' (the default) or 'error'" }).optional(),
  standardErrors: z.enum(['model', 'robust'], { error: "standardErrors must be 'model' or 'robust'" }).optional(),
  maxIterations: wholeNumber('maxIterations', 1, 10_000).optional(),
  tolerance: finite('tolerance').gt(0, { error: 'tolerance must be > 0' }).max(1, { error: 'tolerance must be ≤ 1' }).optional(),
  id: z.string().min(1).max(200).optional(),
  description: z.string().max(10_000).optional(),
  bands: bandsSchema().optional(),
  analyzer: analyzer().optional(),
  terms: termsOptionsSchema.optional(),
  points: pointsScaleSchema.optional(),
  onProgress: fn('onProgress').optional(),
});

export const fitOptionsSchema = /* @__PURE__ */ lazySchema(() => z.strictObject(fitShape()));

export const crossValidationOptionsSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...fitShape(),
    folds: wholeNumber('folds', 2, 100).optional(),
    seed: wholeNumber('seed', -(2 ** 31), 2 ** 31 - 1).optional(),
  }),
);

const predictShape = () => ({ analyzer: analyzer().optional(), onProgress: fn('onProgress').optional() });

export const evaluationOptionsSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...predictShape(),
    threshold: probability('threshold').optional(),
    bins: wholeNumber('bins', 2, 1_000).optional(),
    binning: z.enum(['uniform', 'quantile'], { error: "binning must be 'uniform' or 'quantile'" }).optional(),
    liftAt: z.array(finite('each liftAt share').gt(0, { error: 'each liftAt share must be > 0' }).max(1, { error: 'each liftAt share must be ≤ 1' })).min(1).max(100).optional(),
    weights: z
      .custom<ArrayLike<number>>((v) => ArrayBuffer.isView(v) || Array.isArray(v), { error: 'weights must be an array of numbers (one per row)' })
      .refine((v) => Array.prototype.every.call(v, (w: unknown) => typeof w === 'number' && Number.isFinite(w) && w >= 0), { error: 'weights must be finite numbers ≥ 0' })
      .optional(),
  }),
);

const psiShape = () => ({
  bins: wholeNumber('bins', 2, 1_000).optional(),
  edges: z.array(finite('each edge')).max(10_000).refine((e) => e.every((x, i) => i === 0 || x > (e[i - 1] as number)), { error: 'edges must increase' }).optional(),
  epsilon: probability('epsilon').optional(),
});
export const psiOptionsSchema = /* @__PURE__ */ lazySchema(() => z.strictObject(psiShape()));
export const driftOptionsSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ ...predictShape(), ...psiShape() }));

export const matrixFitOptionsSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    l2: nonNegative('l2').optional(),
    weights: z.instanceof(Float64Array, { error: 'weights must be a Float64Array' }).optional(),
    rowIndex: z.instanceof(Int32Array, { error: 'rowIndex must be an Int32Array' }).optional(),
    columnNames: z.array(z.string()).optional(),
    constantColumns: z.enum(['drop', 'error'], { error: "constantColumns must be 'drop' or 'error'" }).optional(),
    maxIterations: wholeNumber('maxIterations', 1, 10_000).optional(),
    tolerance: finite('tolerance').gt(0, { error: 'tolerance must be > 0' }).max(1, { error: 'tolerance must be ≤ 1' }).optional(),
    standardErrors: z.enum(['model', 'robust'], { error: "standardErrors must be 'model' or 'robust'" }).optional(),
    onIteration: fn('onIteration').optional(),
  }),
);

const CRITERIA = {
  recall: /* @__PURE__ */ lazySchema(() => z.strictObject({ recall: finite('recall').gt(0, { error: 'recall must be > 0' }).max(1, { error: 'recall must be ≤ 1' }) })),
  precision: /* @__PURE__ */ lazySchema(() =>
    z.strictObject({ precision: finite('precision').gt(0, { error: 'precision must be > 0' }).max(1, { error: 'precision must be ≤ 1' }) }),
  ),
  cost: /* @__PURE__ */ lazySchema(() =>
    z.strictObject({
      complaintCost: positive('complaintCost'),
      interventionCost: positive('interventionCost'),
      effectiveness: finite('effectiveness').gt(0, { error: 'effectiveness must be > 0' }).max(1, { error: 'effectiveness must be ≤ 1' }).optional(),
    }),
  ),
  capacity: /* @__PURE__ */ lazySchema(() => z.strictObject({ capacity: nonNegative('capacity'), volume: positive('volume').optional() })),
};

/**
 * One criterion, told apart by its key: `{ recal: 0.8 }` names no criterion
 * and says which keys would, instead of failing later on capacity or volume.
 */
export const thresholdCriterionSchema = /* @__PURE__ */ lazySchema(() =>
  z.unknown().transform((value, ctx) => {
    const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
    const kind = keys.includes('recall')
      ? 'recall'
      : keys.includes('precision')
        ? 'precision'
        : keys.includes('complaintCost') || keys.includes('interventionCost')
          ? 'cost'
          : keys.includes('capacity')
            ? 'capacity'
            : undefined;
    if (kind === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `a criterion is { recall }, { precision }, { complaintCost, interventionCost, effectiveness? } or { capacity, volume? }; got ${keys.length === 0 ? JSON.stringify(value) ?? String(value) : `keys ${keys.map((k) => JSON.stringify(k)).join(', ')}`}`,
      });
      return z.NEVER;
    }
    const parsed = CRITERIA[kind].safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message, path: issue.path } as never);
      return z.NEVER;
    }
    return parsed.data;
  }),
);

export const bandCriteriaSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    medium: thresholdCriterionSchema.optional(),
    high: thresholdCriterionSchema.optional(),
    critical: thresholdCriterionSchema.optional(),
  }),
);
