import * as z from 'zod';
import { lazySchema } from '../../core/lazy-schema.js';
import { diminishing, type CompiledFeature, type FeatureKind } from '../feature-kind.js';
import { featureId, featureLabel, positiveCap } from '../spec-parts.js';
import type { Bilingual, Evidence, TextAnalysis } from '../../core/types.js';
import type { CueDigest } from '../../conversation/cue-digest.js';
import { INTENSITY_CUE_KINDS, PROBLEM_CUE_KINDS } from '../../text/cue-kinds.js';
import { formatNumber, quotedEn, quotedZh } from '../../core/quote.js';

export const TEXT_SIGNALS = ['negativity', 'intensity', 'intent', 'problems'] as const;
export type TextSignal = (typeof TEXT_SIGNALS)[number];

export const textSpecSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    id: featureId,
    kind: z.literal('text'),
    signal: z.enum(TEXT_SIGNALS),
    /** Upper bound of the signal's value (counts are taken as log2(1 + n) first). */
    cap: positiveCap,
    label: featureLabel,
  }),
);
export type TextSpec = z.output<typeof textSpecSchema>;

/**
 * The customer's words as model columns: feeling, its intensity, explicit
 * intent, named problems. Negativity enters as -sentiment·|sentiment|: one
 * mildly negative word (sentiment -0.25) barely moves the risk, a clearly
 * unhappy message (-0.9) moves it almost fully. Intensity counts in full for
 * unhappy or neutral words and fades out as the words turn positive (an
 * emphatic thank-you is no complaint risk).
 */
export const textKind: FeatureKind<typeof textSpecSchema, number> = {
  kind: 'text',
  schema: textSpecSchema,
  readsText: true,
  columns: (spec) => [spec.id],
  compile(spec): CompiledFeature<number> {
    const { signal, cap } = spec;
    const reason = REASON[signal];
    const read = READ[signal];
    const evidenceKinds = signal === 'negativity' ? undefined : EVIDENCE_KINDS[signal];
    return {
      evaluate(ctx, out, offset) {
        const { analysis, cues } = ctx;
        if (analysis === undefined || cues === undefined) {
          out[offset] = NaN;
          return undefined;
        }
        return read(analysis, cues, cap, out, offset);
      },
      evidence:
        evidenceKinds === undefined
          ? (ctx) => (ctx.analysis === undefined || ctx.cues === undefined ? undefined : ctx.cues.feelingEvidence(Math.sign(ctx.analysis.sentiment)))
          : (ctx) => (ctx.analysis === undefined || ctx.cues === undefined ? undefined : ctx.cues.cuesOfKinds(evidenceKinds)),
      reason: (value, _ctx, evidence) => reason(value, evidence),
    };
  },
};

/** Clamps to ±cap. */
function bounded(x: number, cap: number): number {
  return x > cap ? cap : x < -cap ? -cap : x;
}

/**
 * Each signal's column (written at `offset`) and the value its factor
 * quotes, chosen once per feature when the model is compiled.
 */
const READ: Record<TextSignal, (analysis: TextAnalysis, cues: CueDigest, cap: number, out: Float64Array, offset: number) => number> = {
  negativity(analysis, _cues, cap, out, offset) {
    const raw = -analysis.sentiment;
    out[offset] = bounded(raw * Math.abs(raw), cap);
    return raw;
  },
  intensity(analysis, _cues, cap, out, offset) {
    const raw = analysis.sentiment > 0 ? analysis.intensity * (1 - analysis.sentiment) : analysis.intensity;
    out[offset] = bounded(raw, cap);
    return raw;
  },
  intent(analysis, _cues, cap, out, offset) {
    out[offset] = bounded(analysis.intent, cap);
    return analysis.intent;
  },
  problems(_analysis, cues, cap, out, offset) {
    out[offset] = bounded(diminishing(cues.problemCount, Infinity), cap);
    return cues.problemCount;
  },
};

const EVIDENCE_KINDS: Record<Exclude<TextSignal, 'negativity'>, ReadonlySet<string> | string> = {
  intensity: INTENSITY_CUE_KINDS,
  intent: 'intent',
  problems: PROBLEM_CUE_KINDS,
};

/** Each number is formatted once and shared by both languages, and the quotes joined straight onto the words (this runs on every score() call). */
type Quoted = readonly Evidence[] | undefined;
const REASON: Record<TextSignal, (v: number, quoted: Quoted) => Bilingual> = {
  negativity(v, quoted) {
    if (!(v > 0 || v < 0)) return { zh: '客户用语中性', en: "Customer's words are neutral" };
    const n = formatNumber(-v, v < 0);
    return v > 0
      ? { zh: '客户用语负面（情绪 ' + n + '）' + quotedZh(quoted), en: "Customer's words are negative (sentiment " + n + ')' + quotedEn(quoted) }
      : { zh: '客户用语正面（情绪 ' + n + '）' + quotedZh(quoted), en: "Customer's words are positive (sentiment " + n + ')' + quotedEn(quoted) };
  },
  intensity(v, quoted) {
    if (!(v > 0)) return { zh: '情绪表达平和', en: 'Calmly expressed' };
    const n = formatNumber(v);
    return { zh: '情绪表达强烈（强度 ' + n + '）' + quotedZh(quoted), en: 'Strongly expressed (intensity ' + n + ')' + quotedEn(quoted) };
  },
  intent(v, quoted) {
    if (!(v > 0)) return { zh: '未表达投诉或升级意图', en: 'No intent to complain or escalate expressed' };
    const n = formatNumber(v);
    return { zh: '明确表达投诉或升级意图（' + n + '）' + quotedZh(quoted), en: 'Explicit intent to complain or escalate (' + n + ')' + quotedEn(quoted) };
  },
  problems: (v, quoted) =>
    v > 0
      ? { zh: `客户描述了 ${v} 处服务问题` + quotedZh(quoted), en: `Customer names ${v} service ${v === 1 ? 'failure' : 'failures'}` + quotedEn(quoted) }
      : { zh: '客户未描述具体服务问题', en: 'No specific service failure named' },
};
