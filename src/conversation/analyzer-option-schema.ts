import * as z from 'zod';

/** A custom lexicon as an option: an object here; its entries are checked by the lexicon's own schema, with their paths. */
export const lexiconOption = z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'lexicon must be an object { entries: [...] }' });

/** createTextAnalyzer / analyzeText options, checked before any work. */
export const textAnalyzerOptionsSchema = z.strictObject({ lexicon: lexiconOption.optional() });
