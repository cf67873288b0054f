import { UsageError } from './command.js';
import { INTERACTION_FIELDS, isForbiddenKey } from '../index.js';
import { ROW_ID_KEY } from './row-id.js';
import { FIELD_BY_HEADER, headerKey } from './interaction-columns.js';

/** Keys of the output lines themselves: a kept key of the same name would be overwritten. */
const OUTPUT_KEYS: ReadonlySet<string> = new Set(['probability', 'band', 'factors', 'reference', 'modelId', 'points', 'line', 'error']);

/** More kept keys than any export needs; each one is copied to every output line. */
const MAX_KEPT_KEYS = 64;

/**
 * `--keep ticket,agent`: input keys copied to each output line, after the id
 * and before the result, and never scored. An interaction field cannot be
 * kept (it is scored, and the output already explains it), nor `id` (always
 * copied).
 */
export function parseKeepOption(value: string | undefined): readonly string[] {
  if (value === undefined) return [];
  const keys = value.split(',').map((k) => k.trim()).filter((k) => k !== '');
  if (keys.length === 0) throw new UsageError('--keep needs at least one key name, e.g. --keep ticket,agent');
  if (keys.length > MAX_KEPT_KEYS) throw new UsageError(`--keep takes at most ${MAX_KEPT_KEYS} keys, got ${keys.length}`);
  for (const key of keys) {
    if (isForbiddenKey(key)) throw new UsageError(`--keep: key "${key}" is not allowed`);
    if (key === ROW_ID_KEY || headerKey(key) === ROW_ID_KEY) throw new UsageError('--keep: the id key is always copied; name other keys');
    if ((INTERACTION_FIELDS as readonly string[]).includes(key) || FIELD_BY_HEADER.has(headerKey(key))) throw new UsageError(`--keep: "${key}" is an interaction field and is scored; keep keys that are not`);
    if (OUTPUT_KEYS.has(key)) throw new UsageError(`--keep: "${key}" is a key of the output itself; rename that input key`);
  }
  if (new Set(keys).size !== keys.length) throw new UsageError('--keep names a key twice');
  return keys;
}

export type KeptValues = Readonly<Record<string, unknown>> | undefined;

/**
 * Takes the kept keys off a parsed row (own keys of a plain object only), so
 * what is left is the interaction to validate. Returns the row unchanged when
 * it holds none of them.
 */
export function takeKept(row: unknown, keys: readonly string[]): { row: unknown; kept: KeptValues } {
  if (keys.length === 0 || typeof row !== 'object' || row === null || Array.isArray(row)) return { row, kept: undefined };
  let kept: Record<string, unknown> | undefined;
  let rest: Record<string, unknown> | undefined;
  for (const key of keys) {
    if (!Object.hasOwn(row, key)) continue;
    rest ??= { ...(row as Record<string, unknown>) };
    (kept ??= {})[key] = rest[key];
    delete rest[key];
  }
  return rest === undefined ? { row, kept: undefined } : { row: rest, kept };
}
