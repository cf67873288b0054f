import * as z from 'zod';
import { lexiconOption } from '../conversation/analyzer-option-schema.js';
import { lazySchema } from '../core/lazy-schema.js';

/**
 * The options of createScorer, createSession and restoreSession, checked
 * before any work: strict objects, so a typo is an unknown key at its path.
 */
const scorerShape = () => ({
  lexicon: lexiconOption.optional(),
  analyzer: z
    .custom<object>((v) => typeof v === 'object' && v !== null && typeof (v as { analyze?: unknown }).analyze === 'function', {
      error: 'analyzer must be a text analyzer (an object with an analyze method, e.g. from createTextAnalyzer)',
    })
    .optional(),
});

export const scorerOptionsSchema = /* @__PURE__ */ lazySchema(() => z.strictObject(scorerShape()));

export const sessionOptionsSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...scorerShape(),
    model: z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'model must be a model object' }).optional(),
    onBandRise: z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { error: 'onBandRise must be a function' }).optional(),
    alertBand: z.enum(['low', 'medium', 'high', 'critical'], { error: "alertBand must be 'low', 'medium', 'high' or 'critical'" }).optional(),
  }),
);
