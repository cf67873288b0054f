import { FEATURES_ALL, FEATURES_NO_TURNS, FEATURES_NO_WORDS, type CompiledModel, type FeatureSet, type FeatureSteps } from './compile-model.js';
import type { ScoringContext } from '../features/feature-kind.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import { readStringInto, readText, type ReadingSlot, type TextReading } from '../conversation/read-text.js';
import { CueDigest } from '../conversation/cue-digest.js';
import type { TokenReader } from '../text/terms/token-reader.js';
import type { StringAnalyzer } from '../text/string-analyzer.js';

/**
 * A scorer's context for one call at a time, with the digest its strings
 * are read into: scoring fills them afresh on every call (and empties them
 * after, so a scorer holds on to no caller's text), where a context, a
 * reading and a digest made per call were ~220 B of it. Nothing a result
 * holds points into them. Only for a scorer's own calls, not for a
 * transcript read over many calls (a live session keeps its own digest).
 */
export interface ContextSlot extends ReadingSlot {
  interaction: NormalizedInteraction | undefined;
  readonly digest: CueDigest;
  /**
   * The feature set whose absent columns and values the scorer's buffers
   * (always the same two, its Scratch's) hold as NaN and undefined since
   * the last call: only present features write, and none of those is absent
   * from the same set, so the next call of that set need not write them again.
   */
  absentWritten: FeatureSet | undefined;
}

export function createContextSlot(): ContextSlot {
  return { interaction: undefined, analysis: undefined, cues: undefined, conversation: undefined, termHits: undefined, digest: new CueDigest(), absentWritten: undefined };
}

/** Empties a scorer's context once a call is done with it. */
export function releaseContext(slot: ContextSlot): void {
  slot.interaction = undefined;
  slot.analysis = undefined;
  slot.cues = undefined;
  slot.termHits = undefined;
  slot.digest.reset();
}

/**
 * The interaction's words read once (with the model's learned terms, into
 * `terms`' hits, cleared first), or undefined when the model reads no text
 * or none was given. A plain string is read into `slot` when given.
 */
export function readInteractionText(
  compiled: CompiledModel,
  analyze: StringAnalyzer,
  interaction: NormalizedInteraction,
  terms: TokenReader | undefined,
  slot?: ContextSlot,
): TextReading | undefined {
  const text = interaction.text;
  if (!compiled.usesText || text === undefined) return undefined;
  terms?.hits?.clear();
  return slot !== undefined && typeof text === 'string' ? readStringInto(slot, slot.digest, analyze, text, terms) : readText(analyze, text, terms);
}

/**
 * Fills `out` with the model's column values for one interaction (NaN where
 * a signal is absent) and `values` with each feature's raw value, and returns
 * the context the features read (`slot`, filled, when given). Shared by
 * scoring and fitting, so a fitted model scores exactly as it was trained.
 */
export function computeColumns(
  compiled: CompiledModel,
  interaction: NormalizedInteraction,
  reading: TextReading | undefined,
  out: Float64Array,
  values: unknown[],
  slot?: ContextSlot,
): ScoringContext {
  const { steps, offsets } = compiled;
  const ctx = slot === undefined ? newContext(interaction, reading) : fillContext(slot, interaction, reading);
  // Features the words leave absent are not called (FeatureKind.readsText, readsTurns): their columns are NaN.
  const features = featureSetOf(compiled, reading);
  const { present, absent, absentColumns } = features;
  if (slot === undefined || slot.absentWritten !== features) {
    for (let k = 0; k < absentColumns.length; k++) out[absentColumns[k] as number] = NaN;
    for (let k = 0; k < absent.length; k++) values[absent[k] as number] = undefined;
    if (slot !== undefined) slot.absentWritten = features;
  }
  for (let k = 0; k < present.length; k++) {
    const i = present[k] as number;
    values[i] = (steps[i] as FeatureSteps).evaluate(ctx, out, offsets[i] as number);
  }
  return ctx;
}

function newContext(interaction: NormalizedInteraction, reading: TextReading | undefined): ScoringContext {
  return reading === undefined
    ? { interaction, analysis: undefined, cues: undefined, conversation: undefined, termHits: undefined }
    : { interaction, analysis: reading.analysis, cues: reading.cues, conversation: reading.conversation, termHits: reading.termHits };
}

/** The slot as the context of this interaction and reading (which may be the slot itself, read into). */
function fillContext(slot: ContextSlot, interaction: NormalizedInteraction, reading: TextReading | undefined): ScoringContext {
  slot.interaction = interaction;
  if (reading !== slot) {
    slot.analysis = reading?.analysis;
    slot.cues = reading?.cues;
    slot.conversation = reading?.conversation;
    slot.termHits = reading?.termHits;
  }
  return slot as ScoringContext;
}

/** The features present for a reading: all for a transcript, all but those that read turns for a string, none that read text without words. */
export function featureSetOf(compiled: CompiledModel, reading: TextReading | undefined): FeatureSet {
  return compiled.featureSets[reading === undefined ? FEATURES_NO_WORDS : reading.conversation === undefined ? FEATURES_NO_TURNS : FEATURES_ALL] as FeatureSet;
}
