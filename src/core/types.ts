/**
 * The public shapes of results, text analyses and input errors (see the
 * contract in the README). Input and model shapes are inferred from their zod
 * schemas, beside them, so that types and validation can never disagree.
 */

import type { CueKind } from './cue-kinds.js';

export type Band = 'low' | 'medium' | 'high' | 'critical';

export interface Bilingual {
  zh: string;
  en: string;
}

/** A span of the customer text: `customerText.slice(start, end) === text` (UTF-16 offsets). */
export interface Evidence {
  text: string;
  start: number;
  end: number;
  /** What the words are: a feeling, a modifier, explicit intent, a named problem (see CUE_KINDS). */
  kind: CueKind;
  /** Signed strength of the cue as the analyzer weighed it (negative = unhappy); for a learned term, its log-odds weight. */
  weight?: number;
  /** For a learned term: the vocabulary entry it matched, as the model file holds it (folded: "still waiting"). */
  term?: string;
}

/** The ids of the built-in model's factors, the learned-terms factor and the bound at ±12 log-odds. */
export type KnownFactorId =
  | 'wait'
  | 'repeatContacts'
  | 'transfers'
  | 'unresolved'
  | 'priorComplaints'
  | 'channel'
  | 'negativity'
  | 'intensity'
  | 'intent'
  | 'problems'
  | 'worsening'
  | 'repeatsInContact'
  | 'agentApology'
  | 'agentPromise'
  | 'transferAnnounced'
  | 'agentSilence'
  | 'terms'
  | 'logOddsBound';

/** A factor's id: one of the known ones, or the id of a feature a calibrated model adds (an attribute, say). */
export type FactorId = KnownFactorId | (string & Record<never, never>);

export interface Factor {
  /** The model feature's id (`wait`, `negativity`, …), or `logOddsBound` for the cut at ±12 log-odds. */
  id: FactorId;
  value: unknown;
  /** Log-odds added to the reference interaction's log-odds. */
  contribution: number;
  direction: 'raises' | 'lowers';
  reason: Bilingual;
  evidence?: Evidence[];
  /** Scorecard points this factor adds (−pdo/ln 2 × contribution), when the model has a `points` scale. */
  points?: number;
}

export interface RiskResult {
  probability: number;
  band: Band;
  factors: Factor[];
  /** The reference interaction the factors are measured from (its points with a `points` scale). */
  reference: { probability: number; points?: number };
  modelId: string;
  /**
   * Scorecard points, when the model has a `points` scale: higher means less
   * likely to complain; the factors' points add up to `points − reference.points`.
   */
  points?: number;
}

export type TextLanguage = 'zh' | 'en' | 'mixed' | 'none';

export interface TextAnalysis {
  language: TextLanguage;
  /** In [-1, 1]; negative means an unhappy customer. */
  sentiment: number;
  /** ≥ 0: how strongly the feeling is expressed (degree words, !!!, caps, repetition). */
  intensity: number;
  /** In [0, 1]: explicit intent to complain or escalate. */
  intent: number;
  cues: Evidence[];
  /** True when input beyond the analyzer's length cap was ignored. */
  truncated: boolean;
}

/**
 * Why one part of an input was refused. zod's own codes for shape and range
 * (`invalid_type`, `too_big`, …), and the library's for what zod cannot say.
 */
export type InputIssueCode =
  | 'invalid_type'
  | 'too_big'
  | 'too_small'
  | 'invalid_format'
  | 'not_multiple_of'
  | 'invalid_union'
  | 'invalid_key'
  | 'invalid_element'
  | 'invalid_value'
  | 'custom'
  /** A category level the model never saw (attributes.NAME). */
  | 'unknown_level'
  /** A key the format does not have (a typo such as `waitSecond`). */
  | 'unknown_field'
  /** `__proto__`, `constructor` or `prototype` used as a name. */
  | 'forbidden_key'
  /** A getter threw or a proxy was revoked while the input was read. */
  | 'unreadable'
  /** A bug caught at the boundary: the input may be fine. */
  | 'internal'
  /** More issues than one error keeps (the rest are counted). */
  | 'too_many_issues'
  | 'invalid_json'
  /** Model JSON nested too deep (or cyclic), or too large to be a model. */
  | 'too_deep'
  | 'too_large'
  /** A model file from a newer complaint-risk. */
  | 'future_version'
  /** A saved session scored by another model. */
  | 'model_mismatch'
  | 'invalid_label'
  | 'invalid_weight'
  /** Batch (CLI) input lines: over the line-length limit, or blank. */
  | 'line_too_long'
  | 'empty_line'
  /** CLI CSV/TSV rows: not as many fields as the header has columns. */
  | 'wrong_field_count'
  /** CLI and service rows: an `id` key that is not a short string or a finite number. */
  | 'invalid_id'
  /** Service: a model reload asked of a server started without a model file. */
  | 'no_model_file';

export interface InputIssue {
  /** Where: `text[2].speaker`, `attributes["tier"]`, or `(root)`. */
  path: string;
  message: string;
  code: InputIssueCode;
}

/** A structured, serialisable description of why an input was rejected. */
export interface InputError {
  message: string;
  issues: InputIssue[];
}

export type SafeScoreResult = { ok: true; result: RiskResult } | { ok: false; error: InputError };
