import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber } from '../../core/quote.js';
import type { Evidence } from '../../core/types.js';
import { textKind, textSpecSchema } from './text.js';
import { columnsOf } from '../../../test/support/feature-context.js';

const feature = (signal: 'negativity' | 'intensity' | 'intent' | 'problems', cap = 4) =>
  textKind.compile(textSpecSchema.parse({ id: signal, kind: 'text', signal, cap }));

describe('text kind', () => {
  it('negativity is -s·|s| of the sentiment: mild words barely count, clear unhappiness counts fully', () => {
    const negativity = feature('negativity', 1);
    const angry = columnsOf(negativity, 1, { channel: 'chat', text: '太差了，非常不满意！' });
    const s = angry.ctx.analysis?.sentiment as number;
    expect(s).toBeLessThan(-0.5);
    expect(angry.columns[0]).toBeCloseTo(s * s, 12);
    expect(angry.value).toBeCloseTo(-s, 12);
    expect(columnsOf(negativity, 1, { channel: 'chat' }).columns[0]).toBeNaN();
  });

  it('intent quotes the words that said it', () => {
    const intent = feature('intent', 1);
    const r = columnsOf(intent, 1, { channel: 'phone', text: '再不处理我就去投诉' });
    const evidence = intent.evidence?.(r.ctx, r.value as number);
    expect(evidence?.map((e) => e.kind)).toEqual(['intent']);
    expect(intent.reason(r.value as number, r.ctx, evidence).zh).toMatch(/^明确表达投诉或升级意图（0\.\d+）：“.*投诉”$/);
  });

  it('problems count the named service failures', () => {
    const problems = feature('problems', 3);
    const r = columnsOf(problems, 1, { channel: 'chat', text: 'still waiting for my refund, I was charged twice' });
    expect(r.value).toBeGreaterThanOrEqual(1);
    expect(r.columns[0]).toBeCloseTo(Math.log2(1 + (r.value as number)), 12);
    expect(problems.reason(r.value as number, r.ctx, undefined).en).toMatch(/^Customer names \d service failures?/);
  });

  it('reads text; its signals are a closed list', () => {
    expect(textKind.readsText).toBe(true);
    expect(textSpecSchema.safeParse({ id: 'x', kind: 'text', signal: 'sarcasm', cap: 1 }).success).toBe(false);
  });

  it('words every value as the plain templates do, the first time and every later time (leads are kept per value)', () => {
    const ctx = columnsOf(feature('intent'), 1, { channel: 'chat', text: '我要投诉' }).ctx;
    const quotes: Evidence[] = [{ text: '投诉', start: 0, end: 2, kind: 'intent' }];
    const plain = {
      negativity: (v: number) =>
        !(v > 0 || v < 0)
          ? { zh: '客户用语中性', en: "Customer's words are neutral" }
          : v > 0
            ? { zh: `客户用语负面（情绪 ${formatNumber(-v)}）：“投诉”`, en: `Customer's words are negative (sentiment ${formatNumber(-v)}): "投诉"` }
            : { zh: `客户用语正面（情绪 ${formatNumber(-v, true)}）：“投诉”`, en: `Customer's words are positive (sentiment ${formatNumber(-v, true)}): "投诉"` },
      intensity: (v: number) =>
        v > 0 ? { zh: `情绪表达强烈（强度 ${formatNumber(v)}）：“投诉”`, en: `Strongly expressed (intensity ${formatNumber(v)}): "投诉"` } : { zh: '情绪表达平和', en: 'Calmly expressed' },
      intent: (v: number) =>
        v > 0
          ? { zh: `明确表达投诉或升级意图（${formatNumber(v)}）：“投诉”`, en: `Explicit intent to complain or escalate (${formatNumber(v)}): "投诉"` }
          : { zh: '未表达投诉或升级意图', en: 'No intent to complain or escalate expressed' },
      problems: (v: number) =>
        v > 0
          ? { zh: `客户描述了 ${v} 处服务问题：“投诉”`, en: `Customer names ${v} service ${v === 1 ? 'failure' : 'failures'}: "投诉"` }
          : { zh: '客户未描述具体服务问题', en: 'No specific service failure named' },
    };
    for (const signal of ['negativity', 'intensity', 'intent', 'problems'] as const) {
      const f = feature(signal);
      const value = signal === 'problems' ? fc.nat(100) : fc.oneof(fc.double({ min: -1.2, max: 12, noNaN: true }), fc.constantFrom(0, -0, 0.004, -0.004, 0.005, -0.005, 1, -1, 0.995, 9.995, 10, 10.004));
      fc.assert(
        fc.property(value, (v) => {
          const first = f.reason(v, ctx, quotes);
          expect(first).toEqual(plain[signal](v));
          const again = f.reason(v, ctx, quotes);
          expect(again).toEqual(first);
          expect(again).not.toBe(first);
        }),
        { numRuns: 500 },
      );
    }
  });
});
