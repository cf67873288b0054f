import { diminishing, type FeatureKind } from './feature-kind.js';
import type { ConversationFeatureSpec, ConversationSignal } from './feature-spec-schema.js';
import type { ConversationSignals } from '../conversation/conversation-signals.js';
import type { AgentCue, AgentCueKind } from '../conversation/agent-cues.js';
import type { Bilingual } from '../core/types.js';
import { CHANNEL_LABELS } from '../core/channels.js';
import { formatDuration } from '../core/duration.js';
import { formatNumber } from '../core/quote.js';

/**
 * What a transcript's turns say: the customer's mood worsening, the same
 * problem raised again, the agent's apology, promise or transfer, and long
 * agent silences. Absent for plain-string text.
 */
export const conversationFeature: FeatureKind<ConversationFeatureSpec> = {
  evaluate(spec, ctx, out, offset) {
    const c = ctx.conversation;
    const value = c === undefined ? undefined : signalValue(spec, c, ctx.interaction.channel);
    if (value === undefined) {
      out[offset] = NaN;
      return undefined;
    }
    out[offset] = value.column > spec.cap ? spec.cap : value.column;
    return value.raw;
  },
  reason(spec, value, ctx) {
    return REASONS[spec.signal](value, spec, ctx.interaction.channel);
  },
};

type Channel = keyof typeof CHANNEL_LABELS;

function signalValue(spec: ConversationFeatureSpec, c: ConversationSignals, channel: Channel): { column: number; raw: unknown } | undefined {
  switch (spec.signal) {
    case 'worsening': {
      if (c.startSentiment === undefined || c.endSentiment === undefined) return { column: 0, raw: { from: 0, to: 0 } };
      const drop = c.startSentiment - c.endSentiment;
      return { column: drop > 0 ? drop : 0, raw: { from: c.startSentiment, to: c.endSentiment } };
    }
    case 'repeats':
      return { column: diminishing(c.repeats, Infinity), raw: c.repeats };
    case 'apology':
    case 'promise':
    case 'transferAnnounced': {
      const cue = c.agentCues.find((a) => a.kind === AGENT_KIND[spec.signal as 'apology']);
      return { column: cue === undefined ? 0 : 1, raw: cue ?? null };
    }
    case 'agentSilence': {
      if (c.longestAgentSilence === undefined || spec.expectedSeconds === undefined) return undefined;
      return { column: Math.log2(1 + c.longestAgentSilence / spec.expectedSeconds[channel]), raw: c.longestAgentSilence };
    }
  }
}

const AGENT_KIND: Record<'apology' | 'promise' | 'transferAnnounced', AgentCueKind> = {
  apology: 'apology',
  promise: 'promise',
  transferAnnounced: 'transfer',
};

const REASONS: Record<ConversationSignal, (value: unknown, spec: ConversationFeatureSpec, channel: Channel) => Bilingual> = {
  worsening: (value) => {
    const { from, to } = value as { from: number; to: number };
    return from > to
      ? { zh: `客户情绪在对话中变差（情绪 ${formatNumber(from)} → ${formatNumber(to)}）`, en: `Mood worsened during the contact (sentiment ${formatNumber(from)} → ${formatNumber(to)})` }
      : { zh: `客户情绪未变差（情绪 ${formatNumber(from)} → ${formatNumber(to)}）`, en: `Mood did not worsen (sentiment ${formatNumber(from)} → ${formatNumber(to)})` };
  },
  repeats: (value) => {
    const n = value as number;
    return n > 0
      ? { zh: `客户在本次对话中 ${n} 次重提同一问题`, en: `Raised the same problem again ${n} ${n === 1 ? 'time' : 'times'} in this contact` }
      : { zh: '本次对话中未重复提出同一问题', en: 'No problem raised twice in this contact' };
  },
  apology: (value) => agentReason(value, { zh: '坐席已致歉', en: 'Agent apologised' }, { zh: '坐席未致歉', en: 'No apology from the agent' }),
  promise: (value) =>
    agentReason(value, { zh: '坐席给出了有时限的承诺', en: 'Agent made a promise with a time' }, { zh: '坐席未给出有时限的承诺', en: 'No time-bound promise from the agent' }),
  transferAnnounced: (value) =>
    agentReason(value, { zh: '坐席告知将转接', en: 'Agent announced a transfer' }, { zh: '对话中未提及转接', en: 'No transfer announced' }),
  agentSilence: (value, spec, channel) => {
    const silence = formatDuration(value as number);
    const norm = formatDuration(spec.expectedSeconds?.[channel] ?? 0);
    const label = CHANNEL_LABELS[channel];
    return {
      zh: `坐席最长 ${silence.zh}未回复，${label.zh}渠道客户通常期待 ${norm.zh}内回复`,
      en: `Longest agent silence ${silence.en}; ${label.en} customers expect a reply within ${norm.en}`,
    };
  },
};

function agentReason(value: unknown, yes: Bilingual, no: Bilingual): Bilingual {
  const cue = value as AgentCue | null;
  if (cue === null) return no;
  return { zh: `${yes.zh}：“${cue.text}”`, en: `${yes.en}: "${cue.text}"` };
}
