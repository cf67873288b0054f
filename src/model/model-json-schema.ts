import * as z from 'zod';
import { modelSchema } from './model-schema.js';

/**
 * The model file format as a JSON Schema (draft 2020-12). Cross-field rules
 * (band order, weights matching feature columns) are enforced by
 * `parseModel` beyond what the schema can say.
 */
export function modelJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(modelSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
