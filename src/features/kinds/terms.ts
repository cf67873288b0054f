import * as z from 'zod';
import { lazySchema } from '../../core/lazy-schema.js';
import type { CompiledFeature, FeatureKind } from '../feature-kind.js';
import { featureId, featureLabel } from '../spec-parts.js';
import type { Bilingual, Evidence } from '../../core/types.js';
import { foldTerm } from '../../text/compiled-lexicon.js';
import { isTerm } from '../../text/terms/term-rules.js';
import { compileVocabulary, type TermVocabulary } from '../../text/terms/term-vocabulary.js';
import { freshReason } from '../../core/fresh-reason.js';
import { englishMarksFor } from '../../core/quote.js';

/** Most terms one model may hold: enough for any team's vocabulary, bounded for a shared file. */
export const MAX_TERMS = 20_000;
/** Largest |weight| of one term, in log-odds. */
const MAX_TERM_WEIGHT = 100;
/** Terms quoted in the reason. */
const QUOTED_TERMS = 3;

const term = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .max(60)
    .refine((t) => foldTerm(t) === t && isTerm(t), {
      error: (issue) =>
        `term ${JSON.stringify(String(issue.input).slice(0, 60))} is not a learnable term: one or two lower-case words (letters, inner apostrophes) or one to three Chinese characters, never digits, addresses or ids`,
    }),
);

export const termsSpecSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      id: featureId,
      kind: z.literal('terms'),
      /** [term, weight in log-odds] pairs, as `fit` learned them from a team's labelled history. */
      terms: z.array(z.tuple([term, z.number().min(-MAX_TERM_WEIGHT).max(MAX_TERM_WEIGHT)])).max(MAX_TERMS),
      /** How the vocabulary was chosen, for provenance (never read by the scorer). */
      minDocuments: z.int().min(2).max(1_000_000).optional(),
      label: featureLabel,
    })
    .superRefine((spec, ctx) => {
      const seen = new Set<string>();
      spec.terms.forEach(([t], i) => {
        if (seen.has(t)) ctx.addIssue({ code: 'custom', path: ['terms', i, 0], message: `duplicate term ${JSON.stringify(t)}` });
        seen.add(t);
      });
    }),
);
export type TermsSpec = z.output<typeof termsSpecSchema>;


/**
 * Learned terms: the words and phrases a team's own history links to
 * complaints (or to calm contacts), each with a weight, matched in the same
 * pass that reads the customer's words. The column is the sum of the weights
 * of the distinct terms present, so a term said three times counts once, and
 * a text without any sits at the reference 0. The value is how many distinct
 * terms matched; the evidence, one span per matched term.
 */
export const termsKind: FeatureKind<typeof termsSpecSchema, number> = {
  kind: 'terms',
  schema: termsSpecSchema,
  readsText: true,
  columns: (spec) => [spec.id],
  compile(spec): CompiledFeature<number> {
    const vocabulary = compileVocabulary(spec.terms);
    return {
      vocabulary,
      evaluate(ctx, out, offset) {
        const hits = ctx.termHits;
        if (ctx.analysis === undefined || hits === undefined) {
          out[offset] = NaN;
          return undefined;
        }
        out[offset] = hits.weightSum;
        return hits.count;
      },
      evidence(ctx) {
        const hits = ctx.termHits;
        if (hits === undefined || hits.count === 0) return undefined;
        // Strongest first in the direction the terms push together; ties in text order.
        return hits.evidence(hits.weightSum < 0 ? -1 : 1, vocabulary.terms);
      },
      reason(n, _ctx, evidence) {
        if (evidence === undefined || evidence.length === 0) return freshReason(NONE);
        let sum = 0;
        for (const e of evidence) sum += e.weight as number;
        return sum >= 0 ? wording(RAISING, evidence, n, 1) : wording(LOWERING, evidence, n, -1);
      },
    };
  },
};

const NONE: Bilingual = { zh: '未出现历史数据中学到的用语', en: 'None of the words learned from your history' };
const RAISING: Bilingual = { zh: '历史数据中与投诉相关的用语', en: 'Words your history links to complaints' };
const LOWERING: Bilingual = { zh: '历史数据中与未投诉相关的用语', en: 'Words your history links to contacts without a complaint' };

/**
 * The strongest few terms that push the way the factor goes, quoted in the
 * customer's own spelling; a term overlapping one already quoted ("gate
 * agent" after "agent shrugged") adds nothing a reader needs.
 */
function wording(lead: Bilingual, evidence: readonly Evidence[], n: number, sign: number): Bilingual {
  // Built by concatenation, the quoted tracked by index: no arrays per call. QUOTED_TERMS is 3, so the
  // first two quoted are remembered (q0, q1) and the third ends the loop.
  let zh = '';
  let en = '';
  let quoted = 0;
  let q0 = -1;
  let q1 = -1;
  for (let i = 0; i < evidence.length && quoted < QUOTED_TERMS; i++) {
    const e = evidence[i] as Evidence;
    if (Math.sign(e.weight as number) !== sign || overlaps(evidence, q0, e) || overlaps(evidence, q1, e)) continue;
    if (quoted === 0) q0 = i;
    else if (quoted === 1) q1 = i;
    zh += quoted === 0 ? `“${e.text}”` : `、“${e.text}”`;
    const marks = englishMarksFor(e.text);
    en += (quoted === 0 ? marks.quote : marks.nextQuote) + e.text + marks.quote;
    quoted++;
  }
  const more = n > quoted;
  return {
    zh: `${lead.zh}：${zh}${more ? ` 等 ${n} 个` : ''}`,
    en: `${lead.en}: ${en}${more ? ` (${n} in all)` : ''}`,
  };
}

/** Whether the quoted evidence at `at` (−1: none) overlaps `e`. */
function overlaps(evidence: readonly Evidence[], at: number, e: Evidence): boolean {
  if (at < 0) return false;
  const q = evidence[at] as Evidence;
  return q.start < e.end && e.start < q.end;
}
