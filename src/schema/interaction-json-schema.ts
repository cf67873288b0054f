import * as z from 'zod';
import { interactionSchema } from './interaction-schema.js';

/** The interaction format as a JSON Schema (draft 2020-12), for embedders validating in other languages. */
export function interactionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(interactionSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
