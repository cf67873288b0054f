import { interactionSchema, type NormalizedInteraction } from '../schema/interaction-schema.js';
import type { InputError, InputIssue } from '../core/types.js';
import { fastCheckInteraction } from './fast-interaction-check.js';
import { formatPath, inputErrorFrom, issuesFromZod } from '../core/input-error.js';

export type Validated = { ok: true; value: NormalizedInteraction } | { ok: false; error: InputError };

/**
 * Validates one untrusted interaction. Never throws. The common shapes pass
 * a cheap structural check; everything else goes through zod, which words
 * the errors. Either way the value returned is a fresh copy of what was
 * checked, never the caller's object.
 */
export function validateInteraction(input: unknown): Validated {
  try {
    const fast = fastCheckInteraction(input);
    if (fast !== undefined) return { ok: true, value: fast };
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      const got = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
      return fail([{ path: '(root)', code: 'invalid_type', message: `an interaction must be an object, got ${got}` }]);
    }
    const hidden = protoKeyInAttributes(input as Record<string, unknown>);
    if (hidden !== undefined) return fail([hidden]);
    const parsed = interactionSchema.safeParse(input);
    if (parsed.success) return { ok: true, value: parsed.data };
    return fail(issuesFromZod(parsed.error));
  } catch (cause) {
    // Throwing getters, revoked proxies, cycles a getter invents: report, never propagate.
    return fail([{ path: '(root)', code: 'unreadable', message: `input could not be read: ${describeError(cause)}` }]);
  }
}

function fail(issues: InputIssue[]): Validated {
  return { ok: false, error: inputErrorFrom(issues) };
}

/**
 * zod's record parser skips an own `__proto__` key (as JSON.parse creates
 * for `{"__proto__": 1}`) without a word; name it instead of dropping a
 * field the sender meant to send.
 */
function protoKeyInAttributes(record: Record<string, unknown>): InputIssue | undefined {
  const attributes = record.attributes;
  if (typeof attributes !== 'object' || attributes === null) return undefined;
  if (!Object.prototype.hasOwnProperty.call(attributes, '__proto__')) return undefined;
  return { path: formatPath(['attributes', '__proto__']), code: 'forbidden_key', message: 'attribute name "__proto__" is not allowed' };
}

function describeError(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  try {
    return String(cause);
  } catch {
    return typeof cause;
  }
}
