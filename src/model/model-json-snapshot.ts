import type { InputIssue, InputIssueCode } from '../core/types.js';
import { bareObject } from '../core/own-properties.js';
import { formatPath } from '../core/input-error.js';
import { isForbiddenKey } from '../core/forbidden-keys.js';

const MAX_DEPTH = 64;
/** A fitted model with its metadata is a few thousand nodes; this is far past any real one. */
const MAX_NODES = 200_000;

export type Snapshot = { ok: true; value: unknown } | { ok: false; issue: InputIssue };

/**
 * Copies untrusted model JSON into plain arrays and objects, reading every
 * value exactly once, and refuses keys that could reach an object's
 * prototype when copied, and nesting too deep or too large to be a model
 * (a cycle shows as too deep). Validation then runs on the copy, so a getter
 * or Proxy cannot answer one way to the checks and another to the scorer.
 * Iterative, so a hostile depth cannot overflow the stack.
 */
export function snapshotModelJson(root: unknown): Snapshot {
  const holder: Record<string, unknown> = {};
  const stack: Array<{ value: unknown; path: PropertyKey[]; into: Record<PropertyKey, unknown>; key: PropertyKey }> = [
    { value: root, path: [], into: holder, key: 'root' },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path, into, key: slot } = stack.pop() as (typeof stack)[number];
    if (typeof value !== 'object' || value === null) {
      into[slot] = value;
      continue;
    }
    if (path.length > MAX_DEPTH) return fail(path, 'too_deep', `nested deeper than ${MAX_DEPTH} levels (or cyclic)`);
    if (Array.isArray(value)) {
      nodes += value.length;
      if (nodes > MAX_NODES) return fail(path, 'too_large', `more than ${MAX_NODES} values in the model`);
      const copy: unknown[] = new Array(value.length);
      into[slot] = copy;
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], path: [...path, i], into: copy as unknown as Record<PropertyKey, unknown>, key: i });
      continue;
    }
    const keys = Object.keys(value);
    nodes += keys.length;
    if (nodes > MAX_NODES) return fail(path, 'too_large', `more than ${MAX_NODES} values in the model`);
    // A null prototype: what the schema does not find here is absent, never inherited from Object.prototype.
    const copy = bareObject();
    into[slot] = copy;
    for (const key of keys) {
      if (isForbiddenKey(key)) return fail([...path, key], 'forbidden_key', `key "${key}" is not allowed in a model file`);
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key], into: copy, key });
    }
  }
  return { ok: true, value: holder.root };
}

function fail(path: PropertyKey[], code: InputIssueCode, message: string): Snapshot {
  return { ok: false, issue: { path: formatPath(path), code, message } };
}
