/**
 * Keys that reach an object's prototype machinery when copied or assigned
 * (`obj[key] = value`). Untrusted input (interaction attributes, model files,
 * CSV headers, custom lexicons) may never use them as names.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/** The forbidden names, for messages and documentation. */
export const FORBIDDEN_KEY_NAMES: readonly string[] = [...FORBIDDEN_KEYS];
