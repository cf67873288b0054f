import * as z from 'zod';
import { lazySchema } from '../../core/lazy-schema.js';
import type { FeatureKind } from '../feature-kind.js';
import { channelEnum, distinctLevels, featureId, featureLabel } from '../spec-parts.js';
import { CHANNELS, type Channel } from '../../core/channels.js';
import type { Bilingual } from '../../core/types.js';
import { freshReason } from '../../core/fresh-reason.js';

export const channelSpecSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    id: featureId,
    kind: z.literal('channel'),
    /** One column per level; a channel not listed here scores as the reference. */
    levels: distinctLevels(channelEnum, CHANNELS.length),
    label: featureLabel,
  }),
);
export type ChannelSpec = z.output<typeof channelSpecSchema>;

/** One-hot channel: what the channel itself says about escalation risk. */
export const channelKind: FeatureKind<typeof channelSpecSchema, Channel> = {
  kind: 'channel',
  schema: channelSpecSchema,
  readsText: false,
  columns: (spec) => spec.levels.map((level) => `${spec.id}.${level}`),
  compile(spec) {
    const levels = spec.levels;
    // Each level's column, looked up once per call: comparing the channel with every level (strings neither
    // side of which the compiler knows) cost a string-comparison call per level, ~40 ns a call for seven.
    const columnOf = new Map(levels.map((level, i) => [level, i]));
    return {
      evaluate(ctx, out, offset) {
        const channel = ctx.interaction.channel;
        for (let i = 0; i < levels.length; i++) out[offset + i] = 0;
        const at = columnOf.get(channel);
        if (at !== undefined) out[offset + at] = 1;
        return channel;
      },
      reason: (channel) => freshReason(CHANNEL_REASONS[channel]),
    };
  },
};

const CHANNEL_REASONS: Record<Channel, Bilingual> = {
  phone: { zh: '电话渠道：语气与情绪直接可感', en: 'Phone: voice and emotion come through directly' },
  chat: { zh: '在线客服渠道：书面且即时', en: 'Online chat: written and immediate' },
  email: { zh: '邮件渠道：书面、节奏较慢', en: 'Email: written and slower-paced' },
  branch: { zh: '网点渠道：等候时间与员工态度当面感受', en: 'Branch: waiting and staff attitude are felt in person' },
  app: { zh: 'App 渠道：自助为主，多为书面反馈', en: 'App: self-service, mostly written feedback' },
  social: { zh: '社交媒体渠道：公开且传播快', en: 'Social media: public and fast-spreading' },
  sms: { zh: '短信渠道：简短书面沟通', en: 'SMS: short written exchanges' },
  other: { zh: '其他渠道', en: 'Other channel' },
};
