import * as z from 'zod';
import { lazySchema } from '../../core/lazy-schema.js';
import type { FeatureKind } from '../feature-kind.js';
import { featureId, featureLabel, positiveCap, distinctLevels } from '../spec-parts.js';
import { isForbiddenKey } from '../../core/forbidden-keys.js';
import type { NormalizedInteraction } from '../../schema/interaction-schema.js';

const attributeName = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .min(1)
    .max(100)
    .refine((n) => !isForbiddenKey(n), { error: 'attribute name not allowed' }),
);

export const attributeSpecSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    id: featureId,
    kind: z.literal('attribute'),
    /** Key in `interaction.attributes`. */
    name: attributeName,
    type: z.enum(['number', 'boolean', 'category']),
    /** For categories: one column per level. */
    levels: distinctLevels(z.string().min(1).max(100), 200).optional(),
    /** For categories: the level all of whose columns are 0 (fit sets it to the most frequent value); it contributes nothing. */
    referenceLevel: z.string().min(1).max(100).optional(),
    /**
     * For categories with a reference level: a value that is neither it nor a
     * listed level is refused ('refuse', the default: the model never saw it)
     * or scored as the reference level ('reference').
     */
    unseenLevels: z.enum(['refuse', 'reference']).optional(),
    transform: z.enum(['identity', 'log1p']).optional(),
    cap: positiveCap.optional(),
    label: featureLabel,
  }),
);
export type AttributeSpec = z.output<typeof attributeSpecSchema>;
type AttributeValue = number | boolean | string;

/** Most levels a category learns from data; the rest score as the reference level. */
const MAX_LEARNED_LEVELS = 200;

/**
 * Extra signals a calibrated model names in `interaction.attributes`
 * (customer tier, product line, ...). When scoring, a value of the wrong
 * type (a number for a category) and a category level the model never saw
 * are refused at their path (`check`), rather than silently scored as
 * absent or as the reference; fitting reads them as absent.
 */
export const attributeKind: FeatureKind<typeof attributeSpecSchema, AttributeValue> = {
  kind: 'attribute',
  schema: attributeSpecSchema,
  readsText: false,
  columns: (spec) => (spec.type === 'category' ? (spec.levels ?? []).map((level) => `${spec.id}.${level}`) : [spec.id]),
  compile(spec) {
    const { name, type, cap } = spec;
    const levels = spec.levels ?? [];
    const log = spec.transform === 'log1p';
    const read = (ctx: { interaction: NormalizedInteraction }): AttributeValue | undefined => {
      const attrs = ctx.interaction.attributes;
      return attrs !== undefined && Object.prototype.hasOwnProperty.call(attrs, name) ? attrs[name] : undefined;
    };
    const known = new Set(levels);
    const reference = spec.referenceLevel;
    const wanted = type === 'category' ? 'string' : type;
    return {
      check(interaction) {
        const value = read({ interaction });
        if (value === undefined) return undefined;
        const path = `attributes.${name}`;
        if (typeof value !== wanted)
          return { path, code: 'invalid_type', message: `"${name}" is ${type === 'category' ? 'a category (text)' : `a ${type}`} in this model, got ${typeof value === 'string' ? 'text' : `a ${typeof value}`}` };
        if (type !== 'category' || reference === undefined || spec.unseenLevels === 'reference') return undefined;
        if (value === reference || known.has(value as string)) return undefined;
        const list = [`${reference} (reference)`, ...levels].slice(0, 10).join(', ');
        return {
          path,
          code: 'unknown_level',
          message: `"${String(value).slice(0, 80)}" is not a level of "${name}" this model knows (${list}${levels.length > 9 ? ', …' : ''}); refit with it, or set unseenLevels: 'reference' in the model to score such levels as the reference`,
        };
      },
      evaluate(ctx, out, offset) {
        const value = read(ctx);
        if (type === 'category') {
          const known = typeof value === 'string';
          for (let i = 0; i < levels.length; i++) out[offset + i] = known ? (levels[i] === value ? 1 : 0) : NaN;
          return known ? value : undefined;
        }
        let x: number;
        if (type === 'boolean') x = typeof value === 'boolean' ? (value ? 1 : 0) : NaN;
        else x = typeof value === 'number' ? value : NaN;
        if (log && x === x) x = Math.sign(x) * Math.log1p(Math.abs(x));
        if (cap !== undefined && x === x) x = x > cap ? cap : x < -cap ? -cap : x;
        out[offset] = x;
        return x === x ? value : undefined;
      },
      reason(value) {
        const label = spec.label ?? { zh: name, en: name };
        if (type === 'category' && reference !== undefined && !known.has(value as string) && value !== reference)
          return { zh: `${label.zh}：${String(value)}（模型未见过的取值，按参照水平 ${reference} 计）`, en: `${label.en}: ${String(value)} (a level the model never saw, scored as the reference ${reference})` };
        return { zh: `${label.zh}：${String(value)}`, en: `${label.en}: ${String(value)}` };
      },
    };
  },
  completeFromData: (spec, interactions) => (spec.type === 'category' && spec.levels === undefined ? { ...spec, ...levelsFromData(spec, interactions) } : spec),
};

/**
 * A category attribute named without levels takes its levels from the
 * data: every value seen except the most frequent, which becomes the
 * reference level (all its columns 0). Keeping every level would make the
 * one-hot columns add up to the intercept.
 */
function levelsFromData(spec: AttributeSpec, interactions: readonly NormalizedInteraction[]): { levels: string[]; referenceLevel: string } {
  const counts = new Map<string, number>();
  for (const interaction of interactions) {
    const attrs = interaction.attributes;
    if (attrs === undefined || !Object.prototype.hasOwnProperty.call(attrs, spec.name)) continue;
    const value = attrs[spec.name];
    if (typeof value === 'string' && value.length > 0 && value.length <= 100) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const byFrequency = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([level]) => level);
  const levels = byFrequency.slice(1, MAX_LEARNED_LEVELS + 1);
  if (levels.length === 0)
    throw new RangeError(
      `attribute "${spec.name}" (feature "${spec.id}") has ${byFrequency.length === 0 ? 'no string values' : 'a single value'} in the data: a category needs at least two levels`,
    );
  return { levels, referenceLevel: byFrequency[0] as string };
}
