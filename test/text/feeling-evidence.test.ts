import { describe, expect, it } from 'vitest';
import { analyzeText, createScorer, createTextAnalyzer, customerText, type Turn } from '../../src/index.js';
import { ComplaintRiskInputError } from '../../src/core/input-error.js';

const scorer = createScorer();
const negativity = (text: string | Turn[]) => scorer.score({ channel: 'chat', text }).factors.find((f) => f.id === 'negativity');

describe('evidence for the negativity factor', () => {
  it('quotes the words that made the message unhappy, never a bare contrast or a positive word', () => {
    const quoted = negativity('服务还可以，但是等了太久，很不满意')!.evidence!.map((e) => e.text);
    expect(quoted.some((t) => t.includes('不满意'))).toBe(true);
    expect(quoted).toContain('等了太久');
    expect(quoted).not.toContain('但是');
    expect(quoted).not.toContain('还可以');
  });

  it('quotes a negation together with the word it turned (not happy), strongest first', () => {
    const evidence = negativity('The app works but I am not happy with the refund delay')!.evidence!;
    expect(evidence.map((e) => e.text)).toContain('not happy');
    expect(evidence.map((e) => e.text)).not.toContain('but');
    const weights = evidence.map((e) => Math.abs(e.weight ?? 0));
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  it('quotes the positive words when the words lower the risk', () => {
    const f = negativity('问题很快就解决了，谢谢')!;
    expect(f.direction).toBe('lowers');
    expect(f.evidence!.every((e) => (e.weight ?? 0) > 0)).toBe(true);
  });

  it('keeps spans exact in the customer text of a transcript', () => {
    const turns: Turn[] = [
      { speaker: 'customer', text: '你好，快递显示已签收' },
      { speaker: 'agent', text: '我帮您查一下' },
      { speaker: 'customer', text: '但是我没收到，非常生气' },
    ];
    const joined = customerText(turns);
    for (const e of negativity(turns)!.evidence!) expect(joined.slice(e.start, e.end)).toBe(e.text);
  });
});

describe('greetings', () => {
  it.each(['你好，我想改一下账单地址。', '您好，请问一下', 'Hi, hello there', 'Good morning, quick question'])('%s is neutral', (text) => {
    expect(analyzeText(text).sentiment).toBe(0);
  });

  it('do not soften a complaint that follows them', () => {
    expect(analyzeText('你好，我的账单明明已经还了，为什么还显示逾期？').sentiment).toBeLessThan(0);
  });
});

describe('unreadable custom lexicons', () => {
  it('report a throwing getter or Proxy trap as ComplaintRiskInputError', () => {
    const getter = Object.defineProperty({}, 'entries', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const proxy = new Proxy(
      { entries: [] },
      {
        ownKeys: () => {
          throw new Error('no keys');
        },
      },
    );
    for (const lexicon of [getter, proxy]) {
      expect(() => createTextAnalyzer({ lexicon: lexicon as never })).toThrow(ComplaintRiskInputError);
    }
  });
});
