import * as z from 'zod';
import { interactionSchema } from './interaction-schema.js';
import { modelSchema } from '../model/model-schema.js';

/**
 * JSON Schemas (draft 2020-12) generated from the zod schemas, for embedders
 * validating in other languages. Cross-field rules (band order, weights
 * matching feature columns) are enforced by `parseModel` beyond the schema.
 */
export function interactionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(interactionSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export function modelJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(modelSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
