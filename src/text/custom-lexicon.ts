import * as z from 'zod';
import { lazySchema } from '../core/lazy-schema.js';
import { ownData } from '../core/own-properties.js';
import { ComplaintRiskInputError, inputErrorFrom, issuesFromZod } from '../core/input-error.js';
import { compileLexicon, foldTerm, type CompiledLexicon, type LexiconEntry } from './compiled-lexicon.js';
import { ENTRY_BLOCK, ENTRY_DAMPENER, ENTRY_FEELING, ENTRY_INTENSIFIER, ENTRY_INTENT, ENTRY_NEGATION, entryCode } from './entry-kind.js';
import { PROBLEM_KINDS } from '../core/cue-kinds.js';

/** Most entries one custom lexicon may hold, and the longest term. */
export const CUSTOM_LEXICON_LIMITS = Object.freeze({ maxEntries: 10_000, maxTermChars: 64 });

const CUSTOM_KINDS = ['negative', 'positive', 'intent', ...PROBLEM_KINDS, 'negation', 'intensifier', 'dampener', 'ignore'] as const;

/** Default weight per kind, on the same scales as the built-in lexicon. */
const DEFAULT_WEIGHT: Record<(typeof CUSTOM_KINDS)[number], number> = {
  negative: 2,
  positive: 2,
  intent: 0.7,
  wait: 2,
  repeat: 2,
  unresolved: 2,
  billing: 2,
  delivery: 2,
  attitude: 2,
  fairness: 2,
  negation: 1,
  intensifier: 1.5,
  dampener: 0.7,
  ignore: 0,
};

const termSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .max(CUSTOM_LEXICON_LIMITS.maxTermChars)
    .refine((t) => t.trim().length > 0, 'term must not be blank')
    .refine((t) => !/[\n\r]/.test(t), 'term must be on one line')
    .refine((t) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(t), 'term must not hold a lone surrogate'),
);

const entrySchema = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      text: termSchema,
      kind: z.enum(CUSTOM_KINDS),
      /**
       * negative/positive and problems: strength 0-4 (VADER's scale); intent and
       * negation: 0-1; intensifier: multiplier 1-3; dampener: multiplier 0-1.
       */
      weight: z.number().finite().optional(),
    })
    .strict()
    .superRefine((entry, ctx) => {
      if (entry.weight === undefined) return;
      const [lo, hi] = weightRange(entry.kind);
      if (entry.weight < lo || entry.weight > hi) ctx.addIssue({ code: 'custom', path: ['weight'], message: `weight for kind "${entry.kind}" must be in [${lo}, ${hi}]` });
    }),
);

export const customLexiconSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ entries: z.array(entrySchema).max(CUSTOM_LEXICON_LIMITS.maxEntries) })
    .strict()
    .superRefine((lexicon, ctx) => {
      const seen = new Map<string, number>();
      lexicon.entries.forEach((entry, i) => {
        const key = foldTerm(entry.text);
        const first = seen.get(key);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['entries', i, 'text'], message: `same term as entries[${first}] ("${entry.text}")` });
        else seen.set(key, i);
      });
    }),
);

/** A user's own words for one analyzer (a bank adds 征信, 逾期; an airline adds 延误, 改签). */
export type CustomLexicon = z.input<typeof customLexiconSchema>;

function weightRange(kind: (typeof CUSTOM_KINDS)[number]): [number, number] {
  switch (kind) {
    case 'intent':
    case 'negation':
    case 'dampener':
      return [0, 1];
    case 'intensifier':
      return [1, 3];
    case 'ignore':
      return [0, 0];
    default:
      return [0, 4];
  }
}

/** Validates a custom lexicon (throwing ComplaintRiskInputError with per-entry paths) and compiles it. */
export function compileCustomLexicon(input: unknown): CompiledLexicon {
  let parsed: ReturnType<typeof customLexiconSchema.safeParse>;
  try {
    parsed = customLexiconSchema.safeParse(ownData(input, 3));
  } catch (cause) {
    // A throwing getter or Proxy trap is an unreadable lexicon, reported like any other bad input.
    const message = `lexicon could not be read: ${cause instanceof Error ? cause.message : typeof cause}`;
    throw new ComplaintRiskInputError(inputErrorFrom([{ path: 'lexicon', code: 'unreadable', message }], 'lexicon'));
  }
  if (!parsed.success) throw new ComplaintRiskInputError(inputErrorFrom(issuesFromZod(parsed.error, ['lexicon']), 'lexicon'));
  // zod's output inherits from Object.prototype; an entry left without a weight must not read one from there.
  return compileLexicon((ownData(parsed.data.entries, 2) as typeof parsed.data.entries).map(toEntry));
}

function toEntry(entry: z.output<typeof entrySchema>): LexiconEntry {
  const weight = entry.weight ?? DEFAULT_WEIGHT[entry.kind];
  switch (entry.kind) {
    case 'negative':
      return { term: entry.text, code: ENTRY_FEELING, weight: -weight, valence: -weight };
    case 'positive':
      return { term: entry.text, code: ENTRY_FEELING, weight, valence: weight };
    case 'intent':
      return { term: entry.text, code: ENTRY_INTENT, weight, valence: -2.5 * weight };
    case 'negation':
      return { term: entry.text, code: ENTRY_NEGATION, weight, valence: 0 };
    case 'intensifier':
      return { term: entry.text, code: ENTRY_INTENSIFIER, weight, valence: 0 };
    case 'dampener':
      return { term: entry.text, code: ENTRY_DAMPENER, weight, valence: 0 };
    case 'ignore':
      return { term: entry.text, code: ENTRY_BLOCK, weight: 0, valence: 0 };
    default:
      return { term: entry.text, code: entryCode(entry.kind) as number, weight: -weight, valence: -weight };
  }
}
