import type { FeatureSpec } from './feature-spec-schema.js';
import type { FeatureKind } from './feature-kind.js';
import { waitFeature } from './wait-feature.js';
import { countFeature } from './count-feature.js';
import { flagFeature } from './flag-feature.js';
import { channelFeature } from './channel-feature.js';
import { textFeature } from './text-feature.js';
import { attributeFeature } from './attribute-feature.js';
import { conversationFeature } from './conversation-feature.js';

type Registry = { [K in FeatureSpec['kind']]: FeatureKind<Extract<FeatureSpec, { kind: K }>> };

/** Every feature kind a model file may name, and the code that computes it. */
export const FEATURE_KINDS: Readonly<Registry> = Object.freeze({
  wait: waitFeature,
  count: countFeature,
  flag: flagFeature,
  channel: channelFeature,
  text: textFeature,
  conversation: conversationFeature,
  attribute: attributeFeature,
});

export function featureKind(spec: FeatureSpec): FeatureKind<FeatureSpec> {
  return FEATURE_KINDS[spec.kind] as FeatureKind<FeatureSpec>;
}
