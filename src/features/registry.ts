import * as z from 'zod';
import { lazySchema } from '../core/lazy-schema.js';
import type { CompiledFeature, FeatureKind, SpecSchema } from './feature-kind.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import { waitKind } from './kinds/wait.js';
import { countKind } from './kinds/count.js';
import { flagKind } from './kinds/flag.js';
import { channelKind } from './kinds/channel.js';
import { textKind } from './kinds/text.js';
import { conversationKind } from './kinds/conversation.js';
import { attributeKind } from './kinds/attribute.js';
import { termsKind } from './kinds/terms.js';

/**
 * Every feature kind a model file may name. The model schema, the column
 * names and whether a model reads text are all derived from this list, so
 * a new kind is one module and one line here.
 */
export const FEATURE_KINDS = [waitKind, countKind, flagKind, channelKind, textKind, conversationKind, attributeKind, termsKind] as const;

type Kinds = typeof FEATURE_KINDS;
/** The kinds' schemas as a tuple (a generic mapped type, so TypeScript keeps it a tuple). */
type SchemasOf<T extends readonly unknown[]> = { -readonly [I in keyof T]: T[I] extends { readonly schema: infer S } ? S : never };
type KindSchemas = SchemasOf<Kinds>;

/** One feature definition in a model file, of any kind. */
export const featureSpecSchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('kind', FEATURE_KINDS.map((k) => k.schema) as unknown as KindSchemas),
);
export type FeatureSpec = z.output<typeof featureSpecSchema>;
export type FeatureKindName = FeatureSpec['kind'];

/** Each kind under its name. */
const BY_NAME = Object.freeze(Object.fromEntries(FEATURE_KINDS.map((k) => [k.kind, k]))) as { readonly [K in FeatureKindName]: Extract<Kinds[number], { kind: K }> };

/**
 * The kind of a definition, typed loosely: TypeScript cannot follow that a
 * spec of kind K goes with the kind named K through an index, so the
 * registry's widening cast lives here and nowhere else.
 */
function kindOf(spec: FeatureSpec): FeatureKind<SpecSchema, unknown> {
  return BY_NAME[spec.kind] as unknown as FeatureKind<SpecSchema, unknown>;
}

/** The model columns one feature produces, in a fixed order. */
export function featureColumns(spec: FeatureSpec): string[] {
  return kindOf(spec).columns(spec);
}

/** Whether scoring this feature needs the customer's words read. */
export function readsText(spec: FeatureSpec): boolean {
  return kindOf(spec).readsText;
}

/** Whether this feature reads a transcript's turns (absent for plain-string text). */
export function readsTurns(spec: FeatureSpec): boolean {
  return kindOf(spec).readsTurns === true;
}

/** The feature specialised for its definition (done once per model). */
export function compileFeature(spec: FeatureSpec): CompiledFeature<unknown> {
  return kindOf(spec).compile(spec);
}

/** The definition with what it leaves to the data filled in from the fitting records. */
export function completeFromData(spec: FeatureSpec, interactions: readonly NormalizedInteraction[]): FeatureSpec {
  const complete = kindOf(spec).completeFromData;
  return complete === undefined ? spec : (complete(spec, interactions) as FeatureSpec);
}
