import type { FeatureKind } from './feature-kind.js';
import type { AttributeFeatureSpec } from './feature-spec-schema.js';

/**
 * Extra signals a calibrated model names in `interaction.attributes`
 * (customer tier, product line, ...). A value of the wrong type counts as
 * absent rather than failing the score: attributes come from many systems.
 */
export const attributeFeature: FeatureKind<AttributeFeatureSpec> = {
  evaluate(spec, ctx, out, offset) {
    const attrs = ctx.interaction.attributes;
    const value = attrs !== undefined && Object.prototype.hasOwnProperty.call(attrs, spec.name) ? attrs[spec.name] : undefined;
    if (spec.type === 'category') {
      const levels = spec.levels ?? [];
      const known = typeof value === 'string';
      for (let i = 0; i < levels.length; i++) out[offset + i] = known ? (levels[i] === value ? 1 : 0) : NaN;
      return known ? value : undefined;
    }
    let x: number;
    if (spec.type === 'boolean') x = typeof value === 'boolean' ? (value ? 1 : 0) : NaN;
    else x = typeof value === 'number' ? value : NaN;
    if (spec.transform === 'log1p' && x === x) x = Math.sign(x) * Math.log1p(Math.abs(x));
    if (spec.cap !== undefined && x === x) x = x > spec.cap ? spec.cap : x < -spec.cap ? -spec.cap : x;
    out[offset] = x;
    return x === x ? value : undefined;
  },
  reason(spec, value) {
    const name = spec.label ?? { zh: spec.name, en: spec.name };
    return { zh: `${name.zh}：${String(value)}`, en: `${name.en}: ${String(value)}` };
  },
};
