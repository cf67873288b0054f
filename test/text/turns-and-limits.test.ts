import { describe, expect, it } from 'vitest';
import { analyzeText, createTextAnalyzer, customerText, type Turn } from '../../src/index.js';
import { readText } from '../../src/conversation/read-text.js';
import { LIMITS } from '../../src/core/limits.js';

const turns: Turn[] = [
  { speaker: 'customer', text: '你好，我的快递显示已签收，但是我没收到。' },
  { speaker: 'agent', text: '很抱歉，服务太差了，我帮您查一下。' },
  { speaker: 'customer', text: 'Still waiting, nobody called back.' },
  { speaker: 'customer', text: '再不解决我就投诉！' },
];

describe('a list of turns', () => {
  it('is read exactly as the scorer and live sessions read it (readText)', () => {
    const analyzer = createTextAnalyzer();
    const viaReadText = readText((t) => analyzer.analyze(t), turns, undefined, { keepCues: true }).analysis;
    expect(analyzer.analyze(turns)).toEqual(viaReadText);
    expect(analyzeText(turns)).toEqual(viaReadText);
    // Scoring keeps no cue list (its digest holds what it needs), and reads the rest the same.
    expect(readText((t) => analyzer.analyze(t), turns).analysis).toEqual({ ...viaReadText, cues: [] });
  });

  it('puts cue offsets into the customer turns joined with "\\n", never into agent words', () => {
    const joined = customerText(turns);
    const a = analyzeText(turns);
    for (const cue of a.cues) expect(joined.slice(cue.start, cue.end)).toBe(cue.text);
    expect(a.cues.some((c) => c.text.includes('太差'))).toBe(false);
    expect(a.intent).toBeGreaterThan(0.5);
  });

  it('lets later turns weigh more', () => {
    const souring = analyzeText([
      { speaker: 'customer', text: '谢谢，很满意' },
      { speaker: 'customer', text: '太失望了，非常生气' },
    ]);
    const calming = analyzeText([
      { speaker: 'customer', text: '太失望了，非常生气' },
      { speaker: 'customer', text: '谢谢，很满意' },
    ]);
    expect(souring.sentiment).toBeLessThan(calming.sentiment);
  });
});

describe('the length cap', () => {
  it(`reads the first LIMITS.maxTextChars (${LIMITS.maxTextChars}) characters and says it truncated`, () => {
    const filler = '今天天气一般。'.repeat(Math.ceil(LIMITS.maxTextChars / 7));
    const before = analyzeText(filler + '我要投诉');
    expect(before.truncated).toBe(true);
    expect(before.intent).toBe(0);
    const inside = analyzeText('我要投诉' + filler);
    expect(inside.truncated).toBe(true);
    expect(inside.intent).toBeGreaterThan(0.9);
    expect(analyzeText('我要投诉').truncated).toBe(false);
  });

  it('never cuts a surrogate pair in half', () => {
    const text = 'a'.repeat(LIMITS.maxTextChars - 1) + '😡';
    const a = analyzeText(text);
    expect(a.truncated).toBe(true);
    for (const cue of a.cues) expect(cue.end).toBeLessThanOrEqual(LIMITS.maxTextChars - 1);
  });

  it('handles long inputs without punctuation or with only marks', () => {
    expect(analyzeText('!'.repeat(50_000)).cues).toHaveLength(1);
    expect(analyzeText('不'.repeat(50_000)).sentiment).toBe(0);
    expect(analyzeText('a'.repeat(50_000)).cues).toEqual([]);
  });

  it('bounds an amount: a long run of numerals is read once, not once per numeral', () => {
    // 等了{n}小时 takes at most 12 numerals, so a million-numeral run cannot make the scan quadratic.
    expect(analyzeText('等了' + '一'.repeat(100_000) + '小时').cues).toEqual([]);
    expect(analyzeText('等了三个小时').cues.map((c) => c.text)).toEqual(['等了三个小时']);
    expect(analyzeText('等了 3 小时').cues.map((c) => c.text)).toEqual(['等了 3 小时']);
  });
});

describe('input that is neither a string nor a list of turns', () => {
  it.each([
    [null, 'text'],
    [42, 'text'],
    [[null], 'text[0]'],
    [[{ speaker: 'customer' }], 'text[0].text'],
    [[{ speaker: 'customer', text: 5 }], 'text[0].text'],
    [[{ speaker: 'robot', text: 'hi' }], 'text[0].speaker'],
  ])('%j is refused at %s', async (input, path) => {
    const { ComplaintRiskInputError } = await import('../../src/core/input-error.js');
    let error: unknown;
    try {
      analyzeText(input as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ComplaintRiskInputError);
    expect((error as InstanceType<typeof ComplaintRiskInputError>).issues.map((i) => i.path)).toContain(path);
  });
});
