import { interactionSchema, type NormalizedInteraction } from '../schema/interaction-schema.js';
import type { InputError, InputIssue } from '../core/types.js';
import { fastCheckInteraction, TOO_MANY_ATTRIBUTES } from './fast-interaction-check.js';
import { formatPath, inputErrorFrom, issuesFromZod } from '../core/input-error.js';
import { hasOwn, ownData } from '../core/own-properties.js';
import { LIMITS } from '../core/limits.js';

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
    if (fast === TOO_MANY_ATTRIBUTES) return fail([TOO_MANY]);
    if (fast !== undefined) return { ok: true, value: fast };
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      const got = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
      return fail([{ path: '(root)', code: 'invalid_type', message: `an interaction must be an object, got ${got}` }]);
    }
    const hidden = protoKeyInAttributes(input as Record<string, unknown>);
    if (hidden !== undefined) return fail([hidden]);
    const huge = oversized(input as Record<string, unknown>);
    if (huge !== undefined) return fail([huge]);
    // Own properties only, each read once: nothing inherited poses as a field (interaction → turns, history → entries).
    const parsed = interactionSchema.safeParse(ownData(input, 3));
    // zod's output inherits from Object.prototype: copied onto objects that inherit nothing (down to turns, history entries, attributes).
    if (parsed.success) return { ok: true, value: ownData(parsed.data, 3) as NormalizedInteraction };
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
  if (!hasOwn(record, 'attributes')) return undefined;
  const attributes = record.attributes;
  if (typeof attributes !== 'object' || attributes === null) return undefined;
  if (!Object.prototype.hasOwnProperty.call(attributes, '__proto__')) return undefined;
  return { path: formatPath(['attributes', '__proto__']), code: 'forbidden_key', message: 'attribute name "__proto__" is not allowed' };
}

/**
 * A list or an attribute map past its limit is refused before anything is
 * copied or parsed: a line with 1.77 million attribute keys stops at the
 * 257th, instead of costing seconds and hundreds of megabytes to be told so.
 */
const TOO_MANY: InputIssue = { path: 'attributes', code: 'too_big', message: `at most ${LIMITS.maxAttributes} attributes (this has more)` };

function oversized(record: Record<string, unknown>): InputIssue | undefined {
  if (hasOwn(record, 'attributes')) {
    const attributes = record.attributes;
    if (typeof attributes === 'object' && attributes !== null && !Array.isArray(attributes)) {
      let n = 0;
      for (const key in attributes) {
        if (hasOwn(attributes, key) && ++n > LIMITS.maxAttributes)
          return TOO_MANY;
      }
    }
  }
  for (const [field, max] of [['text', LIMITS.maxTurns], ['history', LIMITS.maxHistory]] as const) {
    if (!hasOwn(record, field)) continue;
    const list = record[field];
    if (Array.isArray(list) && list.length > max) return { path: field, code: 'too_big', message: `at most ${max.toLocaleString('en')} ${field === 'text' ? 'turns' : 'entries'}, got ${list.length.toLocaleString('en')}` };
  }
  return undefined;
}

function describeError(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  try {
    return String(cause);
  } catch {
    return typeof cause;
  }
}
