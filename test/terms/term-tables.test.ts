import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPairTable, lookupPair } from '../../src/text/terms/pair-table.js';
import { compileVocabulary, HAN_STARTS_BIGRAM, HAN_STARTS_TRIGRAM, HAN_UNIGRAM, hanHigh, hanLow } from '../../src/text/terms/term-vocabulary.js';
import { TermMatcher, termReader } from '../../src/text/terms/term-matcher.js';
import { createStringAnalyzer } from '../../src/text/string-analyzer.js';
import { readText } from '../../src/conversation/read-text.js';

const analyze = createStringAnalyzer();

describe('pair table', () => {
  it('finds every stored pair and nothing else, negative low halves included (property)', () => {
    const half = fc.oneof(fc.integer({ min: 0, max: 70 }), fc.integer({ min: -0x80000000, max: 0x7fffffff }));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 0x7fffffff }), half), { maxLength: 300, selector: ([h, l]) => `${h},${l}` }), fc.array(fc.tuple(fc.integer({ min: 0, max: 0x7fffffff }), half), { maxLength: 50 }), (stored, probes) => {
        const table = buildPairTable(stored.map(([h, l], i) => [h, l, i] as const));
        const plain = new Map(stored.map(([h, l], i) => [`${h},${l}`, i]));
        for (const [h, l] of [...stored, ...probes]) expect(lookupPair(table, h, l)).toBe(plain.get(`${h},${l}`) ?? -1);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses keys it cannot hold', () => {
    expect(() => buildPairTable([[-1, 0, 0]])).toThrow(RangeError);
    expect(() => buildPairTable([[0, 2 ** 32, 0]])).toThrow(RangeError);
  });
});

describe('the Han prefix flags never drop a match', () => {
  const chars = [...'退款太慢了不满意服务差等很久没到账'];
  /** Every Han term of 1–3 characters in `text`, by plain search: what the flagged matcher must find. */
  const plainMatches = (terms: readonly string[], text: string): string[] => terms.filter((t) => text.includes(t)).sort();

  it('flags mark exactly the first characters of the terms of each length', () => {
    const v = compileVocabulary([['退款', 1], ['太慢了', 1], ['差', 1]]);
    expect(v.hanFlags['退'.charCodeAt(0)]).toBe(HAN_STARTS_BIGRAM);
    expect(v.hanFlags['太'.charCodeAt(0)]).toBe(HAN_STARTS_TRIGRAM);
    expect(v.hanFlags['差'.charCodeAt(0)]).toBe(HAN_UNIGRAM);
    expect(v.hanFlags['款'.charCodeAt(0)]).toBe(0);
    expect(lookupPair(v.han, hanHigh('太'.charCodeAt(0)), hanLow('慢'.charCodeAt(0), '了'.charCodeAt(0)))).toBe(1);
  });

  it('the matcher finds every term a plain search finds, on any vocabulary and text (property)', () => {
    const term = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 3 }).map((cs) => cs.join(''));
    // The text is pieced from the vocabulary's own terms and stray characters, so long terms do occur.
    const vocabularyAndText = fc.uniqueArray(term, { minLength: 1, maxLength: 40 }).chain((terms) =>
      fc.tuple(fc.constant(terms), fc.array(fc.oneof(fc.constantFrom(...terms), fc.constantFrom(...chars)), { maxLength: 12 })),
    );
    fc.assert(
      fc.property(vocabularyAndText, ([terms, pieces]) => {
        const text = pieces.join('');
        const vocabulary = compileVocabulary(terms.map((t) => [t, 1] as [string, number]));
        const reader = termReader(new TermMatcher(vocabulary));
        reader.hits?.clear();
        readText(analyze, text, reader);
        const hits = reader.hits as NonNullable<typeof reader.hits>;
        const expected = plainMatches(terms, text);
        expect(hits.count).toBe(expected.length);
        // Every weight is 1: the evidence is the distinct terms in text order, at most MAX_EVIDENCE (20) of them.
        const found = hits.evidence(1, vocabulary.terms).map((e) => e.term as string);
        expect(found.every((t) => expected.includes(t))).toBe(true);
        if (expected.length <= 20) expect([...found].sort()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('English: a pair is found only after a word that starts one, and every pair and word a plain search finds is found', () => {
    const v = compileVocabulary([['still waiting', 1], ['refund', 1], ['waiting', 1], ['no refund', 1]]);
    const reader = termReader(new TermMatcher(v));
    reader.hits?.clear();
    readText(analyze, 'Still waiting, no refund yet, refund please', reader);
    expect(reader.hits?.evidence(1, v.terms).map((e) => [e.term, e.text])).toEqual([
      ['still waiting', 'Still waiting'],
      ['waiting', 'waiting'],
      ['no refund', 'no refund'],
      ['refund', 'refund'],
    ]);
  });
});
