import { describe, expect, it } from 'vitest';
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
});
