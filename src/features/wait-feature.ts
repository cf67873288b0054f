import type { FeatureKind } from './feature-kind.js';
import type { WaitFeatureSpec } from './feature-spec-schema.js';
import type { Channel } from '../core/channels.js';
import { CHANNEL_LABELS } from '../core/channels.js';
import { formatDuration } from '../core/duration.js';

/**
 * Wait judged against the channel: log2(1 + wait / expected). Waiting as
 * long as the channel's customers expect gives 1; each doubling past that
 * adds one unit (an expectation gap, not an absolute duration).
 */
export const waitFeature: FeatureKind<WaitFeatureSpec> = {
  evaluate(spec, ctx, out, offset) {
    const wait = ctx.interaction.waitSeconds;
    if (wait === undefined) {
      out[offset] = NaN;
      return undefined;
    }
    const v = Math.log2(1 + wait / spec.expectedSeconds[ctx.interaction.channel]);
    out[offset] = v < spec.cap ? v : spec.cap;
    return wait;
  },
  reason(spec, value, ctx) {
    const channel = ctx.interaction.channel;
    const expected = spec.expectedSeconds[channel];
    const waited = formatDuration(value as number);
    const norm = formatDuration(expected);
    const label = CHANNEL_LABELS[channel];
    const zhVerb = ZH_SERVED[channel];
    if ((value as number) <= expected) {
      return {
        zh: `等待 ${waited.zh}，在${label.zh}渠道通常的 ${norm.zh} 以内`,
        en: `Waited ${waited.en}, within the ${norm.en} ${EN_WHO[channel]} expect`,
      };
    }
    return {
      zh: `等待 ${waited.zh}，${label.zh}渠道通常 ${norm.zh}内${zhVerb}`,
      en: `Waited ${waited.en}; ${EN_WHO[channel]} expect ${EN_WHAT[channel]} within ${norm.en}`,
    };
  },
};

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
