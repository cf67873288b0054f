import type { FeatureSpec } from '../features/feature-spec-schema.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';

/**
 * A category attribute named without levels takes its levels from the
 * data: every value seen except the most frequent, which becomes the
 * reference level (all its columns 0). Keeping every level would make the
 * one-hot columns add up to the intercept.
 */
export function inferCategoryLevels(spec: FeatureSpec, interactions: readonly NormalizedInteraction[]): FeatureSpec {
  if (spec.kind !== 'attribute' || spec.type !== 'category' || spec.levels !== undefined) return spec;
  const counts = new Map<string, number>();
  for (const interaction of interactions) {
    const attrs = interaction.attributes;
    if (attrs === undefined || !Object.prototype.hasOwnProperty.call(attrs, spec.name)) continue;
    const value = attrs[spec.name];
    if (typeof value === 'string' && value.length > 0 && value.length <= 100) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const byFrequency = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([level]) => level);
  const levels = byFrequency.slice(1, 201);
  if (levels.length === 0)
    throw new RangeError(`attribute "${spec.name}" (feature "${spec.id}") has ${byFrequency.length === 0 ? 'no string values' : 'a single value'} in the data: a category needs at least two levels`);
  return { ...spec, levels };
}
