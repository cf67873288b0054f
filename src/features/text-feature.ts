import { diminishing, type FeatureKind } from './feature-kind.js';
import type { TextFeatureSpec, TextSignal } from './feature-spec-schema.js';
import type { Bilingual, Evidence, TextAnalysis } from '../core/types.js';
import { INTENSITY_CUE_KINDS, PROBLEM_CUE_KINDS, SENTIMENT_WORD_CUE_KINDS } from '../text/cue-kinds.js';
import { formatNumber, quoteEvidence } from '../core/quote.js';
import { customerText } from '../conversation/customer-text.js';

/**
 * The customer's words as model columns: feeling, its intensity, explicit
 * intent, named problems. Negativity enters as -sentiment·|sentiment|: one
 * mildly negative word (sentiment -0.25) barely moves the risk, a clearly
 * unhappy message (-0.9) moves it almost fully. Intensity counts in full for
 * unhappy or neutral words and fades out as the words turn positive (an
 * emphatic thank-you is no complaint risk).
 */
export const textFeature: FeatureKind<TextFeatureSpec> = {
  evaluate(spec, ctx, out, offset) {
    const analysis = ctx.analysis;
    if (analysis === undefined) {
      out[offset] = NaN;
      return undefined;
    }
    const raw = signalValue(spec.signal, analysis);
    const column = spec.signal === 'negativity' ? raw * Math.abs(raw) : raw;
    out[offset] = column > spec.cap ? spec.cap : column < -spec.cap ? -spec.cap : column;
    return spec.signal === 'problems' ? countCues(analysis.cues, PROBLEM_CUE_KINDS) : raw;
  },
  reason(spec, value, _ctx, evidence) {
    const quoted = quoteEvidence(evidence);
    const v = value as number;
    // Each number is formatted once and shared by both languages (this runs on every score() call).
    switch (spec.signal) {
      case 'negativity': {
        if (!(v > 0 || v < 0)) return { zh: '客户用语中性', en: "Customer's words are neutral" };
        const n = formatNumber(-v, v < 0);
        return v > 0
          ? { zh: `客户用语负面（情绪 ${n}）${quoted.zh}`, en: `Customer's words are negative (sentiment ${n})${quoted.en}` }
          : { zh: `客户用语正面（情绪 ${n}）${quoted.zh}`, en: `Customer's words are positive (sentiment ${n})${quoted.en}` };
      }
      case 'intensity': {
        if (!(v > 0)) return { zh: '情绪表达平和', en: 'Calmly expressed' };
        const n = formatNumber(v);
        return { zh: `情绪表达强烈（强度 ${n}）${quoted.zh}`, en: `Strongly expressed (intensity ${n})${quoted.en}` };
      }
      case 'intent': {
        if (!(v > 0)) return { zh: '未表达投诉或升级意图', en: 'No intent to complain or escalate expressed' };
        const n = formatNumber(v);
        return { zh: `明确表达投诉或升级意图（${n}）${quoted.zh}`, en: `Explicit intent to complain or escalate (${n})${quoted.en}` };
      }
      case 'problems':
        return v > 0
          ? { zh: `客户描述了 ${v} 处服务问题${quoted.zh}`, en: `Customer names ${v} service ${v === 1 ? 'failure' : 'failures'}${quoted.en}` }
          : { zh: '客户未描述具体服务问题', en: 'No specific service failure named' };
    }
  },
  evidence(spec, ctx) {
    const analysis = ctx.analysis;
    if (analysis === undefined) return undefined;
    if (spec.signal === 'negativity') return feelingEvidence(analysis, customerText(ctx.interaction.text));
    const kinds = EVIDENCE_KINDS[spec.signal];
    const cues = analysis.cues;
    let picked: Evidence[] | undefined;
    for (let i = 0; i < cues.length && (picked === undefined || picked.length < MAX_EVIDENCE); i++) {
      const cue = cues[i] as Evidence;
      if (typeof kinds === 'string' ? cue.kind === kinds : kinds.has(cue.kind)) (picked ??= []).push(cue);
    }
    return picked;
  },
};

/** Evidence spans kept per factor, in text order: a 100 k-character rant must not make a 150 KB result. */
export const MAX_EVIDENCE = 20;
/** Most feeling cues quoted for the negativity factor, strongest first. */
const MAX_FEELING_EVIDENCE = 3;
/** A modifier this close before the word it modified is quoted with it (不满意 → 很不满意, "not happy"). */
const MODIFIER_GAP = 3;

/**
 * The words that moved the sentiment the way it went: for unhappy words the
 * negative words, negated positives and named problems; for happy words the
 * positive ones. Negation and degree markers are quoted only together with
 * the word they modified; contrast markers never.
 */
function feelingEvidence(analysis: TextAnalysis, text: string): Evidence[] | undefined {
  const sign = analysis.sentiment < 0 ? -1 : analysis.sentiment > 0 ? 1 : 0;
  if (sign === 0) return undefined;
  const picked: Evidence[] = [];
  const cues = analysis.cues;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i] as Evidence;
    const weight = cue.weight ?? 0;
    const moves = cue.kind === 'negative' || cue.kind === 'positive' || cue.kind === 'emoji' || PROBLEM_CUE_KINDS.has(cue.kind);
    if (!moves || Math.sign(weight) !== sign) continue;
    let start = cue.start;
    for (let j = i - 1; j >= 0; j--) {
      const m = cues[j] as Evidence;
      if (!MODIFIER_KINDS.has(m.kind) || m.end > start || start - m.end > MODIFIER_GAP || hasBreak(text, m.end, start)) break;
      start = m.start;
    }
    picked.push(start === cue.start ? cue : { ...cue, text: text.slice(start, cue.end), start });
  }
  if (picked.length === 0) return undefined;
  picked.sort((a, b) => Math.abs(b.weight ?? 0) - Math.abs(a.weight ?? 0) || a.start - b.start);
  return picked.slice(0, MAX_FEELING_EVIDENCE);
}

const MODIFIER_KINDS: ReadonlySet<string> = new Set(['negation', 'intensifier', 'dampener']);

function hasBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2c || c === 0xff0c || c === 0x3002 || c === 0x2e || c === 0x0a || c === 0x3b || c === 0xff1b || c === 0x21 || c === 0x3f || c === 0xff01 || c === 0xff1f) return true;
  }
  return false;
}

const EVIDENCE_KINDS: Record<TextSignal, ReadonlySet<string> | string> = {
  negativity: SENTIMENT_WORD_CUE_KINDS,
  intensity: INTENSITY_CUE_KINDS,
  intent: 'intent',
  problems: PROBLEM_CUE_KINDS,
};

function signalValue(signal: TextSignal, analysis: TextAnalysis): number {
  switch (signal) {
    case 'negativity':
      return -analysis.sentiment;
    case 'intensity':
      return analysis.sentiment > 0 ? analysis.intensity * (1 - analysis.sentiment) : analysis.intensity;
    case 'intent':
      return analysis.intent;
    case 'problems':
      return diminishing(countCues(analysis.cues, PROBLEM_CUE_KINDS), Infinity);
  }
}

function countCues(cues: readonly Evidence[], kinds: ReadonlySet<string>): number {
  let n = 0;
  for (const cue of cues) if (kinds.has(cue.kind)) n++;
  return n;
}
