import type { InputError } from '../index.js';

/** A caller's own key for a row (a ticket or message id): echoed back, never scored. */
export type RowId = string | number;

/** The key callers put their row id under. */
export const ROW_ID_KEY = 'id';

/** Long enough for any ticket, UUID or URL-ish key; short enough that an echoed id cannot bloat the output. */
export const MAX_ROW_ID_LENGTH = 1024;

export type RowIdSplit =
  | { ok: true; id: RowId | undefined; row: unknown }
  | { ok: false; error: InputError };

/**
 * Takes the `id` key off a row before the row is validated (the library's
 * Interaction is strict and would reject it), so it can be put back on the
 * output with `withRowId`. Only an own `id` of a plain JSON object counts;
 * anything else (an array, a string) is returned as is for validation to
 * report. A bad id (not a string or a finite number, or too long) rejects the
 * row by itself: the rest of the row is not looked at, and the id is not echoed.
 */
export function takeRowId(row: unknown): RowIdSplit {
  if (typeof row !== 'object' || row === null || Array.isArray(row) || !Object.hasOwn(row, ROW_ID_KEY)) return { ok: true, id: undefined, row };
  const { [ROW_ID_KEY]: id, ...rest } = row as Record<string, unknown>;
  const problem = rowIdProblem(id);
  if (problem !== undefined) return { ok: false, error: { message: `invalid id: ${problem}`, issues: [{ path: ROW_ID_KEY, code: 'invalid_id', message: problem }] } };
  return { ok: true, id: id as RowId, row: rest };
}

function rowIdProblem(id: unknown): string | undefined {
  if (typeof id === 'number') return Number.isFinite(id) ? undefined : 'id must be a finite number';
  if (typeof id !== 'string') return `id must be a string or a number, got ${id === null ? 'null' : Array.isArray(id) ? 'an array' : typeof id}`;
  return id.length <= MAX_ROW_ID_LENGTH ? undefined : `id is ${id.length} characters long; at most ${MAX_ROW_ID_LENGTH} are allowed`;
}

/** `output` with the row's id as its first key, or `output` itself when the row had none. */
export function withRowId<T extends object>(id: RowId | undefined, output: T): T | ({ id: RowId } & T) {
  return id === undefined ? output : { [ROW_ID_KEY]: id, ...output };
}
