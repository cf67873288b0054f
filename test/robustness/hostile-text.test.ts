import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeText, createScorer, createTextAnalyzer, customerText, ComplaintRiskInputError, LIMITS } from '../../src/index.js';
import { expectedCustomerText, hostileString, hostileTurns } from '../support/arbitraries.js';
import { expectValidAnalysis, expectValidResult } from './invariants.js';

const scorer = createScorer();
const channels = fc.constantFrom('phone', 'chat', 'email', 'social', '电话', '在线');

describe('analyzeText on hostile strings', () => {
  it('never throws, stays in range, is deterministic, and its spans slice back (strings)', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const a = analyzeText(text);
        expectValidAnalysis(a, text);
        expect(analyzeText(text)).toEqual(a);
        expect(createTextAnalyzer().analyze(text)).toEqual(a);
      }),
      { numRuns: 400 },
    );
  });

  it('does the same for transcripts: spans index the customer turns joined with "\\n"', () => {
    fc.assert(
      fc.property(hostileTurns, (turns) => {
        const joined = expectedCustomerText(turns);
        expect(customerText(turns)).toBe(joined);
        const a = analyzeText(turns);
        expectValidAnalysis(a, joined);
        expect(analyzeText(turns)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['100k full-width exclamation marks', '！'.repeat(100_000)],
    ['100k ASCII exclamation marks', '!'.repeat(100_000)],
    ['a complaint buried in 100k zero-width joiners', '\u200D'.repeat(50_000) + '我要投诉' + '\u200D'.repeat(50_000)],
    ['only combining marks', '\u0301'.repeat(20_000)],
    ['only lone surrogates', '\uD800\uDC00\uDC00\uD800'.repeat(10_000)],
    ['bidi override around a complaint', '\u202E我要投诉\u202C refund \u2067lawyer\u2069'],
    ['NUL bytes and escape sequences', '\u0000\u001B[2J我要投诉\u0000refund\u0007'],
    ['emoji ZWJ sequences between words', '👨‍👩‍👧‍👦投诉👩🏽‍💻refund🏳️‍🌈'],
    ['case mappings that change length before a cue', 'İİİİ ß ﬃ refund İ 投诉 STRASSE worst'],
    ['full-width Latin and digits', 'ＲＥＦＵＮＤ！！ １２３１５ ｗｏｒｓｔ'],
  ])('handles %s', (_name, text) => {
    const a = analyzeText(text);
    expectValidAnalysis(a, text);
    expect(analyzeText(text)).toEqual(a);
    const outcome = scorer.safeScore({ channel: 'phone', text });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expectValidResult(outcome.result, text);
  });

  it(`caps work at LIMITS.maxTextChars (${LIMITS.maxTextChars}) and says so with truncated: true`, () => {
    const atLimit = 'a'.repeat(LIMITS.maxTextChars);
    expect(analyzeText(atLimit).truncated).toBe(false);
    const over = atLimit + '我要投诉';
    const a = analyzeText(over);
    expect(a.truncated).toBe(true);
    expectValidAnalysis(a, over);
    // A surrogate pair cut in half at the limit must not produce a broken span.
    const split = 'x'.repeat(LIMITS.maxTextChars - 1) + '😀投诉';
    expectValidAnalysis(analyzeText(split), split);
    const big = '我要投诉，太差了！refund now. '.repeat(10_000);
    const b = analyzeText(big);
    expect(b.truncated).toBe(true);
    expectValidAnalysis(b, big);
  });

  it('quotes the words it found even after letters whose case mapping changes length', () => {
    for (const prefix of ['İİİİ ', 'ẞẞ ', 'ﬃﬃ ', 'ŉŉ ', 'ΐΐ ', 'İ'.repeat(500)]) {
      const text = prefix + '我要投诉';
      const a = analyzeText(text);
      expectValidAnalysis(a, text);
      expect(a.cues.some((c) => c.text.includes('投诉')), JSON.stringify(a.cues)).toBe(true);
    }
  });
});

describe('analyzeText on input that is not text', () => {
  it('any other JSON value is refused with a ComplaintRiskInputError, never a TypeError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(fc.record({ speaker: fc.jsonValue(), text: fc.jsonValue() }, { requiredKeys: [] }), { maxLength: 3 })), (value) => {
        if (typeof value === 'string') return;
        let analysis;
        try {
          analysis = analyzeText(value as never);
        } catch (error) {
          expect(error).toBeInstanceOf(ComplaintRiskInputError);
          return;
        }
        // Accepted: it was a valid transcript.
        expectValidAnalysis(analysis, expectedCustomerText(value as never));
      }),
      { numRuns: 300 },
    );
  });
});

describe('safeScore on hostile text', () => {
  it('scores any string or transcript: valid, exact, deterministic', () => {
    fc.assert(
      fc.property(channels, fc.oneof(hostileString, hostileTurns), (channel, text) => {
        const input = { channel, text };
        const outcome = scorer.safeScore(input);
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        expectValidResult(outcome.result, expectedCustomerText(text));
        expect(scorer.safeScore(input)).toEqual(outcome);
        expect(createScorer().safeScore(input)).toEqual(outcome);
      }),
      { numRuns: 300 },
    );
  });

  it('agent turns never move the customer-text evidence off the customer words', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (customer, agent) => {
        const turns = [
          { speaker: 'agent' as const, text: agent },
          { speaker: 'customer' as const, text: customer },
          { speaker: 'agent' as const, text: agent },
        ];
        const outcome = scorer.safeScore({ channel: 'chat', text: turns });
        expect(outcome.ok).toBe(true);
        if (outcome.ok) expectValidResult(outcome.result, customer);
      }),
      { numRuns: 200 },
    );
  });
});
