import { describe, expect, it } from 'vitest';
import { channelKind, channelSpecSchema } from './channel.js';
import { columnsOf } from '../../../test/support/feature-context.js';

const spec = channelSpecSchema.parse({ id: 'channel', kind: 'channel', levels: ['chat', 'social'] });
const channel = channelKind.compile(spec);

describe('channel kind', () => {
  it('is one-hot over its levels; an unlisted channel is the reference (all 0)', () => {
    expect(channelKind.columns(spec)).toEqual(['channel.chat', 'channel.social']);
    expect(columnsOf(channel, 2, { channel: '微博' }).columns).toEqual([0, 1]);
    expect(columnsOf(channel, 2, { channel: 'phone' }).columns).toEqual([0, 0]);
  });

  it('explains what the channel means for escalation', () => {
    const social = columnsOf(channel, 2, { channel: 'social' });
    expect(channel.reason(social.value as 'social', social.ctx, undefined).en).toBe('Social media: public and fast-spreading');
  });

  it('levels are known channels', () => {
    expect(channelSpecSchema.safeParse({ ...spec, levels: ['fax'] }).success).toBe(false);
    expect(channelSpecSchema.safeParse({ ...spec, levels: [] }).success).toBe(false);
  });
});
