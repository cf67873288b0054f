import { describe, expect, it } from 'vitest';
import { waitKind, waitSpecSchema } from './wait.js';
import { columnsOf } from '../../../test/support/feature-context.js';

const spec = waitSpecSchema.parse({
  id: 'wait',
  kind: 'wait',
  expectedSeconds: { phone: 20, chat: 30, email: 86_400, branch: 600, app: 60, social: 3_600, sms: 3_600, other: 300 },
  cap: 6,
});
const wait = waitKind.compile(spec);

describe('wait kind', () => {
  it('is one column: log2(1 + wait / the channel’s norm), capped', () => {
    expect(waitKind.columns(spec)).toEqual(['wait']);
    expect(columnsOf(wait, 1, { channel: 'phone', waitSeconds: 20 }).columns).toEqual([1]);
    expect(columnsOf(wait, 1, { channel: 'branch', waitSeconds: 1800 }).columns).toEqual([2]);
    expect(columnsOf(wait, 1, { channel: 'phone', waitSeconds: 1e6 }).columns).toEqual([6]);
  });

  it('an absent wait is NaN (scored at the reference)', () => {
    const { columns, value } = columnsOf(wait, 1, { channel: 'phone' });
    expect(columns[0]).toBeNaN();
    expect(value).toBeUndefined();
  });

  it('explains the wait against what the channel’s customers expect, in both languages', () => {
    const { value, ctx } = columnsOf(wait, 1, { channel: 'branch', waitSeconds: 1800 });
    expect(wait.reason(value as number, ctx, undefined)).toEqual({
      zh: '等待 30 分钟，网点渠道通常 10 分钟内办理',
      en: 'Waited 30 min; branch customers expect to be served within 10 min',
    });
    const quick = columnsOf(wait, 1, { channel: 'chat', waitSeconds: 10 });
    expect(wait.reason(quick.value as number, quick.ctx, undefined).en).toBe('Waited 10 s, within the 30 s chat customers expect');
  });

  it('a wait worded before reads the same the next time, on either side of the norm, in an object of its own', () => {
    const reasonOf = (channel: 'phone' | 'chat', waitSeconds: number) => {
      const { value, ctx } = columnsOf(wait, 1, { channel, waitSeconds });
      return wait.reason(value as number, ctx, undefined);
    };
    // 20.4 s rounds to the phone norm's 20 s yet is past it; 20 s is within.
    const past = reasonOf('phone', 20.4);
    const within = reasonOf('phone', 20);
    expect(past.en).toBe('Waited 20 s; phone callers expect an answer within 20 s');
    expect(within.en).toBe('Waited 20 s, within the 20 s phone callers expect');
    expect(reasonOf('phone', 20.4)).toEqual(past);
    expect(reasonOf('phone', 20)).toEqual(within);
    expect(reasonOf('phone', 20.4)).not.toBe(past);
    expect(reasonOf('chat', 20.4).en).toBe('Waited 20 s, within the 30 s chat customers expect');
    expect(reasonOf('phone', 3570).en).toBe('Waited 1 h; phone callers expect an answer within 20 s');
    expect(reasonOf('phone', 5400).en).toBe('Waited 1 h 30 min; phone callers expect an answer within 20 s');
  });

  it('its definition needs a norm for every channel and a positive cap', () => {
    expect(waitSpecSchema.safeParse({ ...spec, expectedSeconds: { phone: 20 } }).success).toBe(false);
    expect(waitSpecSchema.safeParse({ ...spec, cap: 0 }).success).toBe(false);
    expect(waitSpecSchema.safeParse({ ...spec, extra: 1 }).success).toBe(false);
  });
});
