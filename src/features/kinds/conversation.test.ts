import { describe, expect, it } from 'vitest';
import { conversationKind, conversationSpecSchema } from './conversation.js';
import { columnsOf } from '../../../test/support/feature-context.js';

const compile = (signal: string, extra: Record<string, unknown> = {}) =>
  conversationKind.compile(conversationSpecSchema.parse({ id: signal, kind: 'conversation', signal, cap: 5, ...extra }));
const SECONDS = { phone: 30, chat: 60, email: 86_400, branch: 300, app: 120, social: 3_600, sms: 3_600, other: 300 };

describe('conversation kind', () => {
  it('is absent for plain-string text', () => {
    expect(columnsOf(compile('worsening'), 1, { channel: 'chat', text: '太差了' }).columns[0]).toBeNaN();
  });

  it('worsening is the drop in mood from the first to the latest emotional turn', () => {
    const f = compile('worsening');
    const r = columnsOf(f, 1, {
      channel: 'chat',
      text: [
        { speaker: 'customer', text: '谢谢，很好' },
        { speaker: 'agent', text: '请稍等' },
        { speaker: 'customer', text: '太差了，我要投诉' },
      ],
    });
    expect(r.columns[0]).toBeGreaterThan(0.5);
    expect(f.reason(r.value as never, r.ctx, undefined).en).toMatch(/^Mood worsened during the contact/);
  });

  it('an agent apology is 1 and quoted; none is 0', () => {
    const f = compile('apology', { cap: 1 });
    const r = columnsOf(f, 1, { channel: 'chat', text: [{ speaker: 'agent', text: '非常抱歉给您带来不便' }, { speaker: 'customer', text: '好吧' }] });
    expect(r.columns).toEqual([1]);
    expect(f.reason(r.value as never, r.ctx, undefined).zh).toBe('坐席已致歉：“抱歉”');
    expect(columnsOf(f, 1, { channel: 'chat', text: [{ speaker: 'customer', text: '好吧' }] }).columns).toEqual([0]);
  });

  it('agent silence needs turn times and a norm per channel', () => {
    expect(conversationSpecSchema.safeParse({ id: 's', kind: 'conversation', signal: 'agentSilence', cap: 5 }).success).toBe(false);
    const f = compile('agentSilence', { expectedSeconds: SECONDS });
    const timed = [
      { speaker: 'customer' as const, text: '在吗', at: 0 },
      { speaker: 'agent' as const, text: '在的', at: 180_000 },
    ];
    const r = columnsOf(f, 1, { channel: 'chat', text: timed });
    expect(r.columns[0]).toBeCloseTo(2, 12);
    expect(f.reason(r.value as never, r.ctx, undefined).en).toBe('Longest agent silence 3 min; online chat customers expect a reply within 1 min');
    expect(columnsOf(f, 1, { channel: 'chat', text: timed.map(({ at: _at, ...t }) => t) }).columns[0]).toBeNaN();
  });
});
