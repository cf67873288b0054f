import type * as z from 'zod';
import type { Bilingual, Evidence, InputIssue, TextAnalysis } from '../core/types.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import type { ConversationSignals } from '../conversation/conversation-signals.js';
import type { TermHits } from '../text/terms/term-hits.js';
import type { TermVocabulary } from '../text/terms/term-vocabulary.js';
import type { CueDigest } from '../conversation/cue-digest.js';

/** What a feature may read while one interaction is scored. */
export interface ScoringContext {
  readonly interaction: NormalizedInteraction;
  /**
   * The customer's words analysed once per score; undefined when no text was
   * given. For a transcript its `cues` list is empty: read them from `cues`.
   */
  readonly analysis: TextAnalysis | undefined;
  /** What the cues say, in bounded memory: problems named, the first few cues per kind, the strongest feelings. */
  readonly cues: CueDigest | undefined;
  /** For a transcript (a turn list): what its turns say; undefined for a plain string or no text. */
  readonly conversation: ConversationSignals | undefined;
  /** Where the model's learned terms matched in the customer text; undefined when the model has none or no text was given. */
  readonly termHits: TermHits | undefined;
}

/** What every feature definition in a model file has: a unique id and the kind that computes it. */
export interface SpecShape {
  readonly id: string;
  readonly kind: string;
}

/** A kind's zod schema: a strict object with a literal `kind`, so the registry can build a discriminated union. */
export type SpecSchema = z.ZodType<SpecShape> & z.core.$ZodTypeDiscriminable;

/**
 * One kind of feature, whole: how a model file defines it, which columns it
 * adds to the model, and how it reads an interaction and explains itself.
 * Adding a kind is one module exporting one of these, plus a line in
 * `registry.ts`; the model schema, the column names and whether scoring
 * reads text all follow from it.
 */
export interface FeatureKind<Schema extends SpecSchema, Value> {
  readonly kind: z.output<Schema>['kind'];
  /** The feature definition as a model file holds it. */
  readonly schema: Schema;
  /**
   * Whether the feature reads the customer's words (the scorer then analyses
   * text). Such a feature is absent when there are none: NaN in every column
   * and no value. The scorer relies on that and does not call it for an
   * interaction without text (reads-text.test.ts beside this file holds every
   * kind to it).
   */
  readonly readsText: boolean;
  /**
   * Whether the feature reads what a transcript's turns say (the
   * conversation signals): then it is absent, NaN in every column and no
   * value, for plain-string text too, and the scorer does not call it for
   * one (reads-text.test.ts holds every such kind to it). Implies readsText.
   */
  readonly readsTurns?: true;
  /** The model columns the feature writes, in order: `[id]`, or `id.level` per level for one-hot kinds. */
  columns(spec: z.output<Schema>): string[];
  /** The feature specialised for one definition, once, when a model is compiled. */
  compile(spec: z.output<Schema>): CompiledFeature<Value>;
  /**
   * Fills in what a definition leaves to the data before a fit (a category
   * attribute without levels takes them from the records); absent when the
   * definition is always complete.
   */
  completeFromData?(spec: z.output<Schema>, interactions: readonly NormalizedInteraction[]): z.output<Schema>;
}

/**
 * A feature ready to score. Columns of an absent signal are written as NaN:
 * the scorer puts the reference value there, so a signal nobody measured
 * explains nothing. Methods (not function properties) on purpose: a
 * signal-specific compiled feature is then usable where its kind's wider
 * value type is expected.
 */
export interface CompiledFeature<Value> {
  /** Writes the feature's column values from `offset`; returns the raw value quoted in its factor, or undefined when absent. */
  evaluate(ctx: ScoringContext, out: Float64Array, offset: number): Value | undefined;
  /** The customer's words behind the value, for features read from text. */
  evidence?(ctx: ScoringContext, value: Value): Evidence[] | undefined;
  reason(value: Value, ctx: ScoringContext, evidence: readonly Evidence[] | undefined): Bilingual;
  /** When scoring: a value in the interaction this feature cannot score as given (wrong type, unknown level), as an input issue. */
  check?(interaction: NormalizedInteraction): InputIssue | undefined;
  /** Learned terms the scanner must match while it reads the customer's words, for this feature's columns. */
  readonly vocabulary?: TermVocabulary;
}

/** log2(1 + n), bounded: the first repeat hurts more than the tenth. */
export function diminishing(n: number, cap: number): number {
  const v = Math.log2(1 + n);
  return v < cap ? v : cap;
}
