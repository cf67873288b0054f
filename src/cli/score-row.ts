import type { InputError, RiskResult, Scorer } from '../index.js';
import { takeRowId, withRowId, type RowId } from './row-id.js';

export type RowOutcome = { ok: true; id: RowId | undefined; result: RiskResult } | { ok: false; id: RowId | undefined; error: InputError };

/** Scores one untrusted, already-parsed row that may carry an `id`; never throws. */
export function scoreRow(scorer: Scorer, row: unknown): RowOutcome {
  const split = takeRowId(row);
  if (!split.ok) return { ok: false, id: undefined, error: split.error };
  const outcome = scorer.safeScore(split.row);
  return outcome.ok ? { ok: true, id: split.id, result: outcome.result } : { ok: false, id: split.id, error: outcome.error };
}

/** The JSON-ready form of an outcome: the result (or `{ error }`) with the id first. */
export function rowOutput(outcome: RowOutcome): object {
  return outcome.ok ? withRowId(outcome.id, outcome.result) : withRowId(outcome.id, { error: outcome.error });
}
