import type { RiskResult } from '../core/types.js';

/**
 * A result of the caller's own: every object and array in it new. A
 * session keeps its cues (and their evidence) across turns and its latest
 * result for current() and the next band-rise check; a caller editing what
 * it was handed (trimming a reason, re-basing evidence offsets) must change
 * none of that. A result is plain data a few levels deep, so this is a
 * small walk, not structuredClone's general one.
 */
export function copyResult(result: RiskResult): RiskResult {
  return copyPlain(result) as RiskResult;
}

function copyPlain(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyPlain(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyPlain((value as Record<string, unknown>)[key]);
  return out;
}
