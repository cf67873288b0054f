import * as z from 'zod';
import { CUE_KINDS } from '../core/cue-kinds.js';
import { lazySchema } from '../core/lazy-schema.js';

function factor() {
  const bilingual = z.strictObject({ zh: z.string(), en: z.string() });
  const evidence = z.strictObject({
    text: z.string(),
    start: z.int().min(0),
    end: z.int().min(0),
    kind: z.enum(CUE_KINDS),
    weight: z.number().optional(),
    term: z.string().optional(),
  });
  return z.strictObject({
    id: z.string().min(1).meta({ description: "The model feature's id (wait, negativity, …), or logOddsBound" }),
    value: z.unknown().meta({ description: 'The raw signal the factor read (a number, a level, a mood change, …)' }),
    contribution: z.number().meta({ description: "Log-odds added to the reference interaction's" }),
    direction: z.enum(['raises', 'lowers']),
    reason: bilingual,
    evidence: z.array(evidence).max(20).optional(),
  });
}

/** What `score()` returns, as data: the shape other languages can check results against. */
export const riskResultSchema = /* @__PURE__ */ lazySchema(
  () =>
    z.strictObject({
      probability: z.number().gt(0).lt(1),
      band: z.enum(['low', 'medium', 'high', 'critical']),
      factors: z.array(factor()),
      reference: z.strictObject({ probability: z.number().gt(0).lt(1) }),
      modelId: z.string().min(1),
    }),
  { id: 'RiskResult', title: 'complaint-risk result', description: 'A calibrated complaint probability, its band, and the factors that add up to it.' },
);

/** The result format as a JSON Schema (draft 2020-12), for embedders reading results in other languages. */
export function riskResultJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(riskResultSchema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
}
