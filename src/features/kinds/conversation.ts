import * as z from 'zod';
import { lazySchema } from '../../core/lazy-schema.js';
import { diminishing, type CompiledFeature, type FeatureKind } from '../feature-kind.js';
import { featureId, featureLabel, perChannelSeconds, positiveCap } from '../spec-parts.js';
import type { ConversationSignals } from '../../conversation/conversation-signals.js';
import type { AgentCue, AgentCueKind } from '../../conversation/agent-cues.js';
import type { Bilingual } from '../../core/types.js';
import { CHANNEL_LABELS, type Channel } from '../../core/channels.js';
import { formatDuration } from '../../core/duration.js';
import { formatNumber } from '../../core/quote.js';
import { freshReason } from '../../core/fresh-reason.js';

export const CONVERSATION_SIGNALS = ['worsening', 'repeats', 'apology', 'promise', 'transferAnnounced', 'agentSilence'] as const;
export type ConversationSignal = (typeof CONVERSATION_SIGNALS)[number];

export const conversationSpecSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      id: featureId,
      kind: z.literal('conversation'),
      signal: z.enum(CONVERSATION_SIGNALS),
      /** Upper bound of the column value. */
      cap: positiveCap,
      /** For agentSilence: the reply time each channel's customers expect, in seconds. */
      expectedSeconds: perChannelSeconds().optional(),
      label: featureLabel,
    })
    .refine((spec) => spec.signal !== 'agentSilence' || spec.expectedSeconds !== undefined, {
      path: ['expectedSeconds'],
      error: 'agentSilence needs expectedSeconds per channel',
    }),
);
export type ConversationSpec = z.output<typeof conversationSpecSchema>;

/** The customer's mood from their first to their latest emotional turn. */
export interface MoodChange {
  from: number;
  to: number;
}
type ConversationValue = MoodChange | number | AgentCue | null;

/**
 * What a transcript's turns say: the customer's mood worsening, the same
 * problem raised again, the agent's apology, promise or transfer, and long
 * agent silences. Absent for plain-string text.
 */
export const conversationKind: FeatureKind<typeof conversationSpecSchema, ConversationValue> = {
  kind: 'conversation',
  schema: conversationSpecSchema,
  readsText: true,
  readsTurns: true,
  columns: (spec) => [spec.id],
  compile(spec): CompiledFeature<ConversationValue> {
    switch (spec.signal) {
      case 'worsening':
        return signalFeature(spec.cap, worseningValue, worseningReason);
      case 'repeats':
        return signalFeature(spec.cap, (c) => ({ column: diminishing(c.repeats, Infinity), value: c.repeats }), repeatsReason);
      case 'apology':
      case 'promise':
      case 'transferAnnounced':
        return agentCueFeature(spec.cap, AGENT_CUES[spec.signal]);
      case 'agentSilence':
        return silenceFeature(spec);
    }
  },
};

/** A feature computed from the conversation signals; absent (NaN) for plain-string text or no text. */
function signalFeature<V>(
  cap: number,
  read: (c: ConversationSignals, channel: Channel) => { column: number; value: V } | undefined,
  reason: (value: V, channel: Channel) => Bilingual,
): CompiledFeature<V> {
  return {
    evaluate(ctx, out, offset) {
      const c = ctx.conversation;
      const reading = c === undefined ? undefined : read(c, ctx.interaction.channel);
      if (reading === undefined) {
        out[offset] = NaN;
        return undefined;
      }
      out[offset] = reading.column > cap ? cap : reading.column;
      return reading.value;
    },
    reason: (value, ctx) => reason(value, ctx.interaction.channel),
  };
}

function worseningValue(c: ConversationSignals): { column: number; value: MoodChange } {
  if (c.startSentiment === undefined || c.endSentiment === undefined) return { column: 0, value: { from: 0, to: 0 } };
  const drop = c.startSentiment - c.endSentiment;
  return { column: drop > 0 ? drop : 0, value: { from: c.startSentiment, to: c.endSentiment } };
}

function worseningReason({ from, to }: MoodChange): Bilingual {
  return from > to
    ? { zh: `客户情绪在对话中变差（情绪 ${formatNumber(from)} → ${formatNumber(to)}）`, en: `Mood worsened during the contact (sentiment ${formatNumber(from)} → ${formatNumber(to)})` }
    : { zh: `客户情绪未变差（情绪 ${formatNumber(from)} → ${formatNumber(to)}）`, en: `Mood did not worsen (sentiment ${formatNumber(from)} → ${formatNumber(to)})` };
}

function repeatsReason(n: number): Bilingual {
  return n > 0
    ? { zh: `客户在本次对话中 ${n} 次重提同一问题`, en: `Raised the same problem again ${n} ${n === 1 ? 'time' : 'times'} in this contact` }
    : { zh: '本次对话中未重复提出同一问题', en: 'No problem raised twice in this contact' };
}

interface AgentCueWording {
  kind: AgentCueKind;
  yes: Bilingual;
  no: Bilingual;
}

const AGENT_CUES: Record<'apology' | 'promise' | 'transferAnnounced', AgentCueWording> = {
  apology: { kind: 'apology', yes: { zh: '坐席已致歉', en: 'Agent apologised' }, no: { zh: '坐席未致歉', en: 'No apology from the agent' } },
  promise: {
    kind: 'promise',
    yes: { zh: '坐席给出了有时限的承诺', en: 'Agent made a promise with a time' },
    no: { zh: '坐席未给出有时限的承诺', en: 'No time-bound promise from the agent' },
  },
  transferAnnounced: { kind: 'transfer', yes: { zh: '坐席告知将转接', en: 'Agent announced a transfer' }, no: { zh: '对话中未提及转接', en: 'No transfer announced' } },
};

/** 1 when the agent said it (quoting the words), 0 when not. */
function agentCueFeature(cap: number, wording: AgentCueWording): CompiledFeature<AgentCue | null> {
  return signalFeature(
    cap,
    (c) => {
      const cue = c.agentCues.find((a) => a.kind === wording.kind);
      return { column: cue === undefined ? 0 : 1, value: cue ?? null };
    },
    (cue) => (cue === null ? freshReason(wording.no) : { zh: `${wording.yes.zh}：“${cue.text}”`, en: `${wording.yes.en}: "${cue.text}"` }),
  );
}

/** The longest agent silence against what the channel's customers accept; absent without turn times. */
function silenceFeature(spec: ConversationSpec): CompiledFeature<number> {
  const expected = spec.expectedSeconds;
  return signalFeature(
    spec.cap,
    (c, channel) =>
      c.longestAgentSilence === undefined || expected === undefined
        ? undefined
        : { column: Math.log2(1 + c.longestAgentSilence / expected[channel]), value: c.longestAgentSilence },
    (silence, channel) => {
      const waited = formatDuration(silence);
      const norm = formatDuration(expected?.[channel] ?? 0);
      const label = CHANNEL_LABELS[channel];
      return {
        zh: `坐席最长 ${waited.zh}未回复，${label.zh}渠道客户通常期待 ${norm.zh}内回复`,
        en: `Longest agent silence ${waited.en}; ${label.en} customers expect a reply within ${norm.en}`,
      };
    },
  );
}
