import type { InputIssue } from '../types.js';
import { formatPath } from '../validate/input-error.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;
const MAX_NODES = 1_000_000;

/**
 * Walks untrusted JSON for keys that could reach an object's prototype when
 * copied, and for nesting too deep or too large to be a model. Iterative, so
 * a hostile depth cannot overflow the stack.
 */
export function findForbiddenKey(root: unknown): InputIssue | undefined {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: root, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (typeof value !== 'object' || value === null) continue;
    if (++nodes > MAX_NODES) return { path: formatPath(path), code: 'too_large', message: `more than ${MAX_NODES} JSON nodes` };
    if (path.length > MAX_DEPTH) return { path: formatPath(path), code: 'too_deep', message: `nested deeper than ${MAX_DEPTH} levels (or cyclic)` };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN.has(key))
        return { path: formatPath([...path, key]), code: 'forbidden_key', message: `key "${key}" is not allowed in a model file` };
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}
