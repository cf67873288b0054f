/**
 * The public shapes of results, text analyses and input errors (see the
 * contract in the README). Input and model shapes are inferred from their zod
 * schemas, beside them, so that types and validation can never disagree.
 */

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
  kind: string;
  /** Signed strength of the cue as the analyzer weighed it (negative = unhappy). */
  weight?: number;
}

export interface Factor {
  id: string;
  value: unknown;
  /** Log-odds added to the reference interaction's log-odds. */
  contribution: number;
  direction: 'raises' | 'lowers';
  reason: Bilingual;
  evidence?: Evidence[];
}

export interface RiskResult {
  probability: number;
  band: Band;
  factors: Factor[];
  reference: { probability: number };
  modelId: string;
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

export interface InputIssue {
  path: string;
  message: string;
  code: string;
}

/** A structured, serialisable description of why an input was rejected. */
export interface InputError {
  message: string;
  issues: InputIssue[];
}

export type SafeScoreResult = { ok: true; result: RiskResult } | { ok: false; error: InputError };
