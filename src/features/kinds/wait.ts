import * as z from 'zod';
import { lazySchema } from '../../core/lazy-schema.js';
import type { FeatureKind } from '../feature-kind.js';
import { featureId, featureLabel, perChannelSeconds, positiveCap } from '../spec-parts.js';
import { CHANNELS, CHANNEL_LABELS, type Channel } from '../../core/channels.js';
import { DURATION_KEYS, durationKey, formatDuration } from '../../core/duration.js';
import { ReasonTable } from '../../core/reason-table.js';
import type { Bilingual } from '../../core/types.js';

export const waitSpecSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    id: featureId,
    kind: z.literal('wait'),
    /** What each channel's customers take as a normal wait, in seconds. */
    expectedSeconds: perChannelSeconds(),
    /** Upper bound of log2(1 + wait / expected): beyond it a longer wait says nothing new. */
    cap: positiveCap,
    label: featureLabel,
  }),
);
export type WaitSpec = z.output<typeof waitSpecSchema>;

/**
 * Wait judged against the channel: log2(1 + wait / expected). Waiting as
 * long as the channel's customers expect gives 1; each doubling past that
 * adds one unit (an expectation gap, not an absolute duration).
 */
export const waitKind: FeatureKind<typeof waitSpecSchema, number> = {
  kind: 'wait',
  schema: waitSpecSchema,
  readsText: false,
  columns: (spec) => [spec.id],
  compile(spec) {
    const { expectedSeconds, cap } = spec;
    // The words around the wait, per channel, put together once per model: a call formats only the wait itself.
    const wording = Object.fromEntries(CHANNELS.map((c) => [c, channelWording(c, expectedSeconds[c])])) as Record<Channel, WaitWording>;
    return {
      evaluate(ctx, out, offset) {
        const wait = ctx.interaction.waitSeconds;
        if (wait === undefined) {
          out[offset] = NaN;
          return undefined;
        }
        const v = Math.log2(1 + wait / expectedSeconds[ctx.interaction.channel]);
        out[offset] = v < cap ? v : cap;
        return wait;
      },
      reason(wait, ctx) {
        const w = wording[ctx.interaction.channel];
        const within = wait <= w.expected;
        // Waits under an hour are worded once per channel and side of the norm, then looked up.
        const key = durationKey(wait);
        const kept = within ? w.withinReasons : w.beyondReasons;
        if (key >= 0) {
          const known = kept.at(key);
          if (known !== undefined) return known;
        }
        const waited = formatDuration(wait);
        const reason: Bilingual = within
          ? { zh: '等待 ' + waited.zh + w.zhWithin, en: 'Waited ' + waited.en + w.enWithin }
          : { zh: '等待 ' + waited.zh + w.zhBeyond, en: 'Waited ' + waited.en + w.enBeyond };
        return key >= 0 ? kept.remember(key, reason) : reason;
      },
    };
  },
};

/** A wait reason's words after the wait, within and beyond the channel's norm. */
interface WaitWording {
  expected: number;
  zhWithin: string;
  enWithin: string;
  zhBeyond: string;
  enBeyond: string;
  /** The whole reasons of waits under an hour (by durationKey), worded the first time each is met. */
  withinReasons: ReasonTable;
  beyondReasons: ReasonTable;
}

function channelWording(channel: Channel, expected: number): WaitWording {
  const norm = formatDuration(expected);
  const label = CHANNEL_LABELS[channel];
  return {
    expected,
    zhWithin: `，未超过${label.zh}渠道通常的 ${norm.zh}`,
    enWithin: `, within the ${norm.en} ${EN_WHO[channel]} expect`,
    zhBeyond: `，${label.zh}渠道通常 ${norm.zh}内${ZH_SERVED[channel]}`,
    enBeyond: `; ${EN_WHO[channel]} expect ${EN_WHAT[channel]} within ${norm.en}`,
    withinReasons: new ReasonTable(DURATION_KEYS),
    beyondReasons: new ReasonTable(DURATION_KEYS),
  };
}

/** What the customer waits for on each channel, as staff say it. */
const ZH_SERVED: Record<Channel, string> = {
  phone: '接通',
  chat: '回复',
  email: '回复',
  branch: '办理',
  app: '响应',
  social: '回应',
  sms: '回复',
  other: '响应',
};

const EN_WHO: Record<Channel, string> = {
  phone: 'phone callers',
  chat: 'chat customers',
  email: 'email customers',
  branch: 'branch customers',
  app: 'app users',
  social: 'social-media customers',
  sms: 'SMS customers',
  other: 'customers',
};

const EN_WHAT: Record<Channel, string> = {
  phone: 'an answer',
  chat: 'a reply',
  email: 'a reply',
  branch: 'to be served',
  app: 'a response',
  social: 'a response',
  sms: 'a reply',
  other: 'a response',
};
