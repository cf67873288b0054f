import type { Scorer } from '../../index.js';
import { rowOutput, scoreRow, type RowOutcome } from '../score-row.js';
import type { EntryResult } from './write-results-script.js';

/** The field of an input entry that holds the interaction, as JSON (it may carry an `id`). */
export const JSON_FIELD = 'json';

/** Largest `json` field scored; larger ones are answered with an error (as `serve` answers 413). */
export const MAX_ENTRY_BYTES = 1024 * 1024;

/** One entry as read from the stream; `fields` is null when the entry was deleted while pending. */
export interface StreamEntry {
  id: string;
  fields: Record<string, string> | null;
}

/**
 * The answer to one input entry, never a throw: the result (or the error,
 * with the path of each problem) with the entry id and the caller's `id`.
 */
export function answerEntry(scorer: Scorer, entry: StreamEntry): EntryResult & { outcome: RowOutcome | undefined } {
  const outcome = readEntry(entry.fields);
  if ('problem' in outcome) {
    const error = { message: outcome.problem, issues: [{ path: '(root)', code: outcome.code, message: outcome.problem }] };
    return { entry: entry.id, ok: false, json: JSON.stringify({ entry: entry.id, error }), outcome: undefined };
  }
  const scored = scoreRow(scorer, outcome.value);
  return { entry: entry.id, ok: scored.ok, json: JSON.stringify({ entry: entry.id, ...rowOutput(scored) }), outcome: scored };
}

function readEntry(fields: Record<string, string> | null): { value: unknown } | { problem: string; code: string } {
  if (fields === null) return { problem: 'the entry was deleted from the input stream before it was scored', code: 'entry_deleted' };
  if (!Object.hasOwn(fields, JSON_FIELD)) {
    const names = Object.keys(fields).slice(0, 10).map((name) => JSON.stringify(name.slice(0, 80)));
    return { problem: `the entry has no "${JSON_FIELD}" field holding the interaction (its fields: ${names.join(', ') || 'none'})`, code: 'no_json_field' };
  }
  const text = fields[JSON_FIELD] as string;
  if (Buffer.byteLength(text, 'utf8') > MAX_ENTRY_BYTES) return { problem: `the "${JSON_FIELD}" field is larger than ${MAX_ENTRY_BYTES} bytes`, code: 'entry_too_large' };
  try {
    return { value: JSON.parse(text) };
  } catch (cause) {
    return { problem: `invalid JSON: ${(cause as Error).message}`, code: 'invalid_json' };
  }
}
