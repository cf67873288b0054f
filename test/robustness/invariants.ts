import { expect } from 'vitest';
import { logit, type RiskResult, type TextAnalysis, type SafeScoreResult, type Evidence } from '../../src/index.js';

const LANGUAGES = ['zh', 'en', 'mixed', 'none'];
const BANDS = ['low', 'medium', 'high', 'critical'];

/** Every evidence span is a well-formed UTF-16 range of `source` that slices back to its text. */
export function expectSpans(cues: readonly Evidence[], source: string): void {
  // Plain checks, one expect for the lot: a long text has tens of thousands of cues.
  const bad: string[] = [];
  for (const cue of cues) {
    const ok =
      Number.isInteger(cue.start) &&
      Number.isInteger(cue.end) &&
      cue.start >= 0 &&
      cue.end >= cue.start &&
      cue.end <= source.length &&
      source.slice(cue.start, cue.end) === cue.text &&
      typeof cue.kind === 'string' &&
      (cue.weight === undefined || Number.isFinite(cue.weight));
    if (!ok && bad.length < 5) bad.push(JSON.stringify({ ...cue, slice: source.slice(cue.start, cue.end) }));
  }
  expect(bad, 'evidence spans that do not slice back to their text').toEqual([]);
}

/** The TextAnalysis contract: finite numbers in range, spans into the customer text. */
export function expectValidAnalysis(analysis: TextAnalysis, customerText: string): void {
  expect(LANGUAGES).toContain(analysis.language);
  expect(Number.isFinite(analysis.sentiment)).toBe(true);
  expect(analysis.sentiment).toBeGreaterThanOrEqual(-1);
  expect(analysis.sentiment).toBeLessThanOrEqual(1);
  expect(Number.isFinite(analysis.intensity)).toBe(true);
  expect(analysis.intensity).toBeGreaterThanOrEqual(0);
  expect(Number.isFinite(analysis.intent)).toBe(true);
  expect(analysis.intent).toBeGreaterThanOrEqual(0);
  expect(analysis.intent).toBeLessThanOrEqual(1);
  expect(typeof analysis.truncated).toBe('boolean');
  expectSpans(analysis.cues, customerText);
}

/** sum(contributions) − (logit(p) − logit(p_ref)), which the contract bounds by 1e-9. */
export function explanationGap(result: RiskResult): number {
  let sum = 0;
  for (const f of result.factors) sum += f.contribution;
  return sum - (logit(result.probability) - logit(result.reference.probability));
}

/** The RiskResult contract: a probability, a band, exact and sorted factors, evidence into the customer text. */
export function expectValidResult(result: RiskResult, customerText: string, tolerance = 1e-9): void {
  expect(Number.isFinite(result.probability)).toBe(true);
  expect(result.probability).toBeGreaterThan(0);
  expect(result.probability).toBeLessThan(1);
  expect(Number.isFinite(result.reference.probability)).toBe(true);
  expect(BANDS).toContain(result.band);
  expect(typeof result.modelId).toBe('string');
  for (let i = 0; i < result.factors.length; i++) {
    const f = result.factors[i]!;
    expect(Number.isFinite(f.contribution), `${f.id} contribution ${f.contribution}`).toBe(true);
    expect(f.direction).toBe(f.contribution > 0 ? 'raises' : 'lowers');
    expect(typeof f.reason.zh).toBe('string');
    expect(typeof f.reason.en).toBe('string');
    if (i > 0) expect(Math.abs(result.factors[i - 1]!.contribution)).toBeGreaterThanOrEqual(Math.abs(f.contribution));
    if (f.evidence !== undefined) expectSpans(f.evidence, customerText);
  }
  expect(Math.abs(explanationGap(result))).toBeLessThan(tolerance);
  // The result is plain data: it survives a JSON round trip (numbers are checked finite above; -0 prints as 0).
  const json = JSON.stringify(result);
  expect(JSON.stringify(JSON.parse(json))).toBe(json);
}

/** safeScore's contract for input it rejects: a message and issues that each name a path. */
export function expectStructuredError(outcome: SafeScoreResult): asserts outcome is Extract<SafeScoreResult, { ok: false }> {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(typeof outcome.error.message).toBe('string');
  expect(outcome.error.message.length).toBeGreaterThan(0);
  expect(outcome.error.issues.length).toBeGreaterThan(0);
  for (const issue of outcome.error.issues) {
    expect(typeof issue.path).toBe('string');
    expect(issue.path.length).toBeGreaterThan(0);
    expect(typeof issue.code).toBe('string');
    expect(typeof issue.message).toBe('string');
  }
  const json = JSON.stringify(outcome.error);
  expect(JSON.parse(json)).toEqual(outcome.error);
  // However large or broken the input, its error stays small enough to log.
  expect(json.length).toBeLessThan(MAX_ERROR_JSON);
}

/** Bound on one serialised InputError: 100 issues with clipped paths and quotes. */
export const MAX_ERROR_JSON = 64 * 1024;

/**
 * The float rounding budget of a sum of contributions: 1e-9 absolute, plus
 * a few ulps of the largest magnitudes involved. With the default model (and
 * any model whose factors stay under ~1e5 log-odds) this is 1e-9; only a
 * model with enormous weights can use the relative part.
 */
export function roundingBudget(result: RiskResult): number {
  let magnitude = 0;
  for (const f of result.factors) magnitude += Math.abs(f.contribution);
  return 1e-9 + 1e-14 * magnitude;
}
