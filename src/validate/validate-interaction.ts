import { interactionSchema, type NormalizedInteraction } from '../schema/interaction-schema.js';
import type { InputError } from '../types.js';
import { fastCheckInteraction } from './fast-interaction-check.js';
import { inputErrorFrom, issuesFromZod } from './input-error.js';

export type Validated = { ok: true; value: NormalizedInteraction } | { ok: false; error: InputError };

/**
 * Validates one untrusted interaction. The common shapes pass a cheap
 * structural check and are used as given (no copy unless the channel was an
 * alias); everything else goes through zod, which words the errors.
 */
export function validateInteraction(input: unknown): Validated {
  const channel = fastCheckInteraction(input);
  if (channel !== undefined) {
    const record = input as NormalizedInteraction;
    return { ok: true, value: record.channel === channel ? record : { ...record, channel } };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const got = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
    return { ok: false, error: inputErrorFrom([{ path: '(root)', code: 'invalid_type', message: `an interaction must be an object, got ${got}` }]) };
  }
  let parsed;
  try {
    parsed = interactionSchema.safeParse(input);
  } catch (cause) {
    // Throwing getters or proxies: report, never propagate.
    return { ok: false, error: inputErrorFrom([{ path: '(root)', code: 'unreadable', message: `input could not be read: ${String(cause)}` }]) };
  }
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: inputErrorFrom(issuesFromZod(parsed.error)) };
}
