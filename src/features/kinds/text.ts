import * as z from 'zod';
import { lazySchema } from '../../core/lazy-schema.js';
import { diminishing, type CompiledFeature, type FeatureKind } from '../feature-kind.js';
import { featureId, featureLabel, positiveCap } from '../spec-parts.js';
import type { Bilingual, TextAnalysis } from '../../core/types.js';
import type { CueDigest } from '../../conversation/cue-digest.js';
import { INTENSITY_CUE_KINDS, PROBLEM_CUE_KINDS } from '../../text/cue-kinds.js';
import { EN_QUOTES, ZH_QUOTES, formatNumber, leadQuoted } from '../../core/quote.js';
import { freshReason } from '../../core/fresh-reason.js';

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
    const wording = WORDING[signal];
    // The words before the quotes, per value as reasons show it (hundredths, a count), kept once worded (see
    // TextLead): each slot written once, the first time its key is met, so which call came first changes nothing.
    const leads: (TextLead | undefined)[] = [];
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
      reason(value, _ctx, evidence) {
        if (!wording.says(value)) return freshReason(wording.quiet);
        const key = wording.keyOf(value);
        const lead = (key >= 0 ? leads[key] : undefined) ?? keptLead(wording, value, key, leads);
        return { zh: leadQuoted(lead.zh, lead.zhOpen, evidence, ZH_QUOTES), en: leadQuoted(lead.en, lead.enOpen, evidence, EN_QUOTES) };
      },
    };
  },
};

/**
 * A lead's words alone (a reason without quotes) and with the opening quote
 * marks joined on (see leadQuoted), in one object per key: a reason then
 * reads one slot, where two ReasonTables (four method calls) cost more than
 * the quotes' joins.
 */
interface TextLead {
  readonly zh: string;
  readonly en: string;
  readonly zhOpen: string;
  readonly enOpen: string;
}

/** The lead of `value`, worded, and kept at `key` unless the key is past the table (−1). */
function keptLead(wording: TextWording, value: number, key: number, leads: (TextLead | undefined)[]): TextLead {
  const { zh, en } = wording.lead(value);
  const lead: TextLead = { zh, en, zhOpen: zh + ZH_QUOTES.open, enOpen: en + EN_QUOTES.open };
  if (key >= 0) leads[key] = lead;
  return lead;
}

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

/**
 * How each signal's factor is worded: `quiet` when the signal says nothing,
 * else a lead (the quotes of the evidence follow it) that depends on the
 * value only through `keyOf` (its hundredths, or the count), so the lead
 * is worded once per key; -1 for a value past the table (worded each time).
 */
interface TextWording {
  readonly quiet: Bilingual;
  says(v: number): boolean;
  keyOf(v: number): number;
  lead(v: number): Bilingual;
}

const hundredths = (v: number): number => Math.round(v * 100);
const within = (key: number, keys: number): number => (key >= 0 && key < keys ? key : -1);

const WORDING: Record<TextSignal, TextWording> = {
  negativity: {
    quiet: { zh: '客户用语中性', en: "Customer's words are neutral" },
    says: (v) => v > 0 || v < 0,
    // Sentiment is within ±1: negative words by −(hundredths of −v) in 0..100, positive ones from 101.
    keyOf: (v) => within(v > 0 ? -hundredths(-v) : 101 + hundredths(-v), 202),
    lead(v) {
      const n = formatNumber(-v, v < 0);
      return v > 0
        ? { zh: '客户用语负面（情绪 ' + n + '）', en: "Customer's words are negative (sentiment " + n + ')' }
        : { zh: '客户用语正面（情绪 ' + n + '）', en: "Customer's words are positive (sentiment " + n + ')' };
    },
  },
  intensity: {
    quiet: { zh: '情绪表达平和', en: 'Calmly expressed' },
    says: (v) => v > 0,
    keyOf: (v) => within(hundredths(v), 1001),
    lead(v) {
      const n = formatNumber(v);
      return { zh: '情绪表达强烈（强度 ' + n + '）', en: 'Strongly expressed (intensity ' + n + ')' };
    },
  },
  intent: {
    quiet: { zh: '未表达投诉或升级意图', en: 'No intent to complain or escalate expressed' },
    says: (v) => v > 0,
    keyOf: (v) => within(hundredths(v), 101),
    lead(v) {
      const n = formatNumber(v);
      return { zh: '明确表达投诉或升级意图（' + n + '）', en: 'Explicit intent to complain or escalate (' + n + ')' };
    },
  },
  problems: {
    quiet: { zh: '客户未描述具体服务问题', en: 'No specific service failure named' },
    says: (v) => v > 0,
    keyOf: (v) => (v === Math.floor(v) ? within(v, 64) : -1),
    lead: (v) => ({ zh: `客户描述了 ${v} 处服务问题`, en: `Customer names ${v} service ${v === 1 ? 'failure' : 'failures'}` }),
  },
};
