import type { FeatureSpec } from './feature-spec-schema.js';

/**
 * The model columns one feature produces, in a fixed order. One-hot kinds
 * get a column per level (`channel.social`); every other kind one column
 * named after the feature.
 */
export function featureColumns(spec: FeatureSpec): string[] {
  if (spec.kind === 'channel') return spec.levels.map((level) => `${spec.id}.${level}`);
  if (spec.kind === 'attribute' && spec.type === 'category') return (spec.levels ?? []).map((level) => `${spec.id}.${level}`);
  return [spec.id];
}
