import type * as z from 'zod';
import { ComplaintRiskInputError, inputErrorFrom, issuesFromZod } from './input-error.js';
import { ownProperties } from './own-properties.js';

/**
 * Checks a public function's options before it does any work: unknown keys,
 * wrong types and values out of range are refused with a path per problem
 * (`standardErrors: …`, `terms.minDocuments: …`). Returns the checked copy, which the caller
 * uses instead of the object it was given.
 */
export function checkOptions<T>(schema: z.ZodType<T>, value: unknown, what: string, path: readonly PropertyKey[] = []): T {
  let parsed;
  try {
    parsed = schema.safeParse(value === undefined ? {} : ownProperties(value));
  } catch (cause) {
    throw new ComplaintRiskInputError(inputErrorFrom([{ path: path.length === 0 ? '(root)' : path.join('.'), code: 'unreadable', message: `could not be read: ${cause instanceof Error ? cause.message : 'unreadable value'}` }], what));
  }
  if (!parsed.success) throw new ComplaintRiskInputError(inputErrorFrom(issuesFromZod(parsed.error, path), what));
  // zod's output inherits from Object.prototype; what the function reads from it later must not.
  return ownProperties(parsed.data) as T;
}
