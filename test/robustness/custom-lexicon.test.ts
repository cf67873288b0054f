import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeText, createScorer, createTextAnalyzer, ComplaintRiskInputError, type CustomLexicon } from '../../src/index.js';
import { hostileString } from '../support/arbitraries.js';
import { expectValidAnalysis } from './invariants.js';

/** The issues createTextAnalyzer throws for a lexicon, asserting it throws only ComplaintRiskInputError. */
function lexiconIssues(lexicon: unknown): Array<{ path: string; message: string }> {
  try {
    createTextAnalyzer({ lexicon: lexicon as never });
  } catch (error) {
    expect(error).toBeInstanceOf(ComplaintRiskInputError);
    const issues = (error as ComplaintRiskInputError).issues;
    expect(issues.length).toBeGreaterThan(0);
    return issues;
  }
  throw new Error('expected the lexicon to be refused');
}

const BANK: CustomLexicon = { entries: [{ text: '征信', kind: 'negative', weight: 3 }, { text: '逾期', kind: 'negative' }] };

describe('custom lexicons are validated like model files', () => {
  it.each([
    ['not an object', 42, 'lexicon'],
    ['entries not an array', { entries: { 0: { text: 'x', kind: 'negative' } } }, 'lexicon.entries'],
    ['blank term', { entries: [{ text: '   ', kind: 'negative' }] }, 'lexicon.entries[0].text'],
    ['unknown kind', { entries: [{ text: 'ok', kind: 'negative' }, { text: '好', kind: 'happy' }] }, 'lexicon.entries[1].kind'],
    ['NaN weight', { entries: [{ text: '差', kind: 'negative', weight: Number.NaN }] }, 'lexicon.entries[0].weight'],
    ['Infinity weight', { entries: [{ text: '差', kind: 'negative', weight: Infinity }] }, 'lexicon.entries[0].weight'],
    ['weight out of range', { entries: [{ text: '差', kind: 'intent', weight: 5 }] }, 'lexicon.entries[0].weight'],
    ['numeric-string weight', { entries: [{ text: '差', kind: 'negative', weight: '2' }] }, 'lexicon.entries[0].weight'],
    ['duplicate term', { entries: [{ text: '延误', kind: 'negative' }, { text: '延误', kind: 'negative' }] }, 'lexicon.entries[1].text'],
    ['lone surrogate term', { entries: [{ text: 'a\uD800', kind: 'negative' }] }, 'lexicon.entries[0].text'],
    ['term too long', { entries: [{ text: 'x'.repeat(10_000), kind: 'negative' }] }, 'lexicon.entries[0].text'],
    ['unknown entry key', { entries: [{ text: '差', kind: 'negative', regex: '(a+)+$' }] }, 'lexicon.entries[0].regex'],
    ['too many entries', { entries: Array.from({ length: 20_000 }, (_, i) => ({ text: `t${i}`, kind: 'negative' })) }, 'lexicon.entries'],
  ])('refuses %s at its path', (_name, lexicon, path) => {
    expect(lexiconIssues(lexicon).map((i) => i.path)).toContain(path);
  });

  it.each([
    ['root __proto__', '{"entries":[],"__proto__":{"polluted":true}}', 'lexicon.__proto__'],
    ['entry __proto__', '{"entries":[{"text":"差","kind":"negative","__proto__":{"weight":4}}]}', 'lexicon.entries[0].__proto__'],
    ['entry constructor', '{"entries":[{"text":"差","kind":"negative","constructor":{"prototype":{}}}]}', 'lexicon.entries[0].constructor'],
  ])('refuses %s from JSON text', (_name, text, path) => {
    expect(lexiconIssues(JSON.parse(text)).map((i) => i.path)).toContain(path);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('any JSON lexicon either builds an analyzer that honours the TextAnalysis contract or is refused with a ComplaintRiskInputError', () => {
    const entry = fc.record(
      {
        text: fc.oneof(hostileString, fc.constantFrom('征信', '逾期', '延误', 'refund', '(a+)+$', '.*', '\\', '好')),
        kind: fc.oneof(fc.constantFrom('negative', 'positive', 'intent', 'negation', 'intensifier', 'dampener', 'ignore', 'wait'), fc.string()),
        weight: fc.oneof(fc.double(), fc.integer({ min: -5, max: 5 }), fc.constant(undefined)),
      },
      { requiredKeys: ['text', 'kind'] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.record({ entries: fc.array(entry, { maxLength: 8 }) }), fc.jsonValue({ maxDepth: 3 })), hostileString, (lexicon, text) => {
        let analyzer;
        try {
          analyzer = createTextAnalyzer({ lexicon: lexicon as never });
        } catch (error) {
          expect(error).toBeInstanceOf(ComplaintRiskInputError);
          return;
        }
        const a = analyzer.analyze(text);
        expectValidAnalysis(a, text);
        expect(analyzer.analyze(text)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('hostile lexicon objects (throwing getters, proxies, cycles, deep nesting) are refused, not thrown through', () => {
    const getter = Object.defineProperty({}, 'entries', { enumerable: true, get: () => { throw new Error('boom'); } });
    const proxy = new Proxy({ entries: [] }, { ownKeys: () => { throw new Error('no keys'); } });
    const revoked = Proxy.revocable({ entries: [] }, {});
    revoked.revoke();
    for (const lexicon of [getter, proxy, revoked.proxy]) {
      expect(() => createTextAnalyzer({ lexicon: lexicon as never })).toThrow(ComplaintRiskInputError);
      expect(() => createScorer(undefined, { lexicon: lexicon as never })).toThrow(ComplaintRiskInputError);
    }
    const cyclic: Record<string, unknown> = { entries: [] };
    (cyclic.entries as unknown[]).push(cyclic);
    let deep: unknown = { text: 'x', kind: 'negative' };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    for (const lexicon of [cyclic, { entries: deep }, { entries: [deep] }]) {
      expect(() => createTextAnalyzer({ lexicon: lexicon as never })).toThrow(ComplaintRiskInputError);
    }
  });

  it('a custom lexicon changes only its own analyzer, never the default or another one', () => {
    const text = '我的征信出了问题，已经逾期了';
    const before = analyzeText(text);
    const other = createTextAnalyzer();
    const bank = createTextAnalyzer({ lexicon: BANK });
    expect(bank.analyze(text).cues.some((c) => c.text === '征信')).toBe(true);
    expect(analyzeText(text)).toEqual(before);
    expect(other.analyze(text)).toEqual(before);
    // A refused lexicon leaves nothing behind either.
    expect(() => createTextAnalyzer({ lexicon: { entries: [{ text: '征信', kind: 'bogus' }] } as never })).toThrow(ComplaintRiskInputError);
    expect(analyzeText(text)).toEqual(before);
    // Nor does a scorer built with one.
    const plain = createScorer().score({ channel: 'phone', text });
    createScorer(undefined, { lexicon: BANK }).score({ channel: 'phone', text });
    expect(createScorer().score({ channel: 'phone', text })).toEqual(plain);
  });

  it('lexicon terms are matched as text, never compiled as patterns', () => {
    const analyzer = createTextAnalyzer({ lexicon: { entries: [{ text: '(a+)+$', kind: 'negative' }, { text: '.*', kind: 'negative' }] } });
    const hostile = 'a'.repeat(50_000) + '!';
    const a = analyzer.analyze(hostile);
    expectValidAnalysis(a, hostile);
    expect(a.cues.some((c) => c.text === '.*')).toBe(false);
    const literal = analyzer.analyze('see (a+)+$ here');
    expect(literal.cues.map((c) => c.text)).toContain('(a+)+$');
  });
});
