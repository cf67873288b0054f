import * as z from 'zod';
import { lazySchema } from '../core/lazy-schema.js';

/** A custom lexicon as an option: an object here; its entries are checked by the lexicon's own schema, with their paths. */
export const lexiconOption = /* @__PURE__ */ lazySchema(() =>
  z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'lexicon must be an object { entries: [...] }' }),
);

/** createTextAnalyzer / analyzeText options, checked before any work. */
export const textAnalyzerOptionsSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ lexicon: lexiconOption.optional() }));
