import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUILTIN } from '../../src/text/builtin-lexicon.js';
import { scanText } from '../../src/text/scan-text.js';
import { SentimentRules } from '../../src/text/sentiment-rules.js';
import { createStringAnalyzer, type StringAnalyzer } from '../../src/text/string-analyzer.js';
import type { TokenObserver } from '../../src/text/terms/token-reader.js';

// An analyzer keeps one set of rules for scan after scan (string-analyzer.ts). These hold it to what a fresh set
// per text gives: no count, cue or text of one scan may reach the next.

/** Fragments that move every rule's state: modifiers, contrast and concession, thanks and closure, requests, caps, marks, repeats. */
const FRAGMENTS = [
  '不是很满意', '太差了', '太差', '没有延误', '不会投诉', '我要投诉', '谢谢', '感谢你们解决了', '但是', '虽然', '还没人理', '开心不起来',
  '请尽快处理', '是不是', '等了3小时', '！！', '？？！', '。', '，', '😡', '非常非常', '有点',
  'thanks for the 3-hour wait', 'still no refund. thanks', "haven't received my refund yet", 'paid, yet it broke', 'BAD', 'TERRIBLE',
  'not bad', 'very very good', 'please check my order', 'I will complain', 'thanks for resolving my complaint', 'but', 'although',
  '#StillWaiting', '@Help', 'https://a.b/c', 'wasn\'t', '!!!', ' ', '\n',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 10 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 10 }).map((parts) => parts.join(' ').toUpperCase()),
  fc.string({ maxLength: 40 }),
);

/** Every own property of the rules and of the objects they hold, as plain data (a cue list as its contents). */
function stateOf(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 3) return value;
  if (Array.isArray(value)) return { list: value.map((v) => stateOf(v, depth + 1)), frozen: Object.isFrozen(value) };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stateOf(v, depth + 1)]));
}

describe('rules reused from text to text', () => {
  it('are as new after every scan, whatever the text was', () => {
    const fresh = stateOf(new SentimentRules());
    const reused = new SentimentRules();
    fc.assert(
      fc.property(text, (t) => {
        scanText(t, BUILTIN.get(), undefined, undefined, reused);
        expect(stateOf(reused)).toEqual(fresh);
      }),
      { numRuns: 400 },
    );
  });

  it('give each text of a run the analysis a fresh analyzer gives it', () => {
    const reusing = createStringAnalyzer();
    const freshEach = createStringAnalyzer(undefined, { reuseRules: false });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (texts) => {
        for (const t of texts) expect(reusing(t)).toEqual(freshEach(t));
      }),
      { numRuns: 200 },
    );
  });

  it('hand each analysis cues of its own: a later scan leaves an earlier result as it was', () => {
    const analyze = createStringAnalyzer();
    const first = analyze('太差了，我要投诉！！');
    const kept = structuredClone(first);
    analyze('thanks for resolving my complaint, very very good');
    analyze('不是很满意');
    expect(first).toEqual(kept);
  });

  it('are not shared with a scan that starts inside another (an observer that reads text)', () => {
    const analyze: StringAnalyzer = createStringAnalyzer();
    const inner: string[] = [];
    const observer: TokenObserver = {
      word: () => undefined,
      han: (at) => {
        if (at === 0) inner.push(JSON.stringify(analyze('谢谢，但是还没人理')));
      },
    };
    const outer = analyze('太差了，我要投诉', observer);
    expect(outer).toEqual(createStringAnalyzer(undefined, { reuseRules: false })('太差了，我要投诉'));
    expect(inner).toEqual([JSON.stringify(createStringAnalyzer(undefined, { reuseRules: false })('谢谢，但是还没人理'))]);
  });

  it('are as new again after an observer throws mid-scan', () => {
    const analyze = createStringAnalyzer();
    const throwing: TokenObserver = {
      word: () => undefined,
      han: (at) => {
        if (at === 3) throw new Error('observer failed');
      },
    };
    expect(() => analyze('不是很满意，太差了！！', throwing)).toThrow('observer failed');
    expect(analyze('谢谢')).toEqual(createStringAnalyzer(undefined, { reuseRules: false })('谢谢'));
  });
});
