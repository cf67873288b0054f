import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStringAnalyzer } from '../../src/text/string-analyzer.js';
import { TermCollector } from '../../src/text/terms/term-collector.js';
import { PairIds } from '../../src/text/terms/pair-ids.js';
import { readText } from '../../src/conversation/read-text.js';

const analyze = createStringAnalyzer();

/** Every record's candidate terms as the collector names them, and each term's document count as it reports it. */
function collect(texts: readonly string[]): { rows: string[][]; documents: Map<string, number> } {
  const collector = new TermCollector();
  const rows = texts.map((text) => {
    collector.begin();
    readText(analyze, text, collector.reader);
    return [...collector.finish()].map((id) => collector.name(id));
  });
  const documents = new Map<string, number>();
  for (let id = 0; id < collector.size; id++) documents.set(collector.name(id), collector.documentFrequency[id] as number);
  return { rows, documents };
}

describe('PairIds numbers each distinct pair once, in order of first sight', () => {
  it('agrees with a Map over many keys, through every rehash', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer()), { maxLength: 3000 }), (pairs) => {
        const ids = new PairIds();
        const expected = new Map<string, number>();
        for (const [high, low] of pairs) {
          const key = `${high},${low}`;
          if (!expected.has(key)) expected.set(key, expected.size);
          const id = ids.id(high, low);
          expect(id).toBe(expected.get(key));
          expect([ids.high(id), ids.low(id)]).toEqual([high, low]);
        }
        expect(ids.size).toBe(expected.size);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the term collector counts exactly', () => {
  it('names Han n-grams of one to three characters, words and word pairs, each once per record', () => {
    const { rows } = collect(['退款慢退款', 'still waiting still']);
    expect([...(rows[0] as string[])].sort()).toEqual(['款', '款慢', '款慢退', '慢', '慢退', '慢退款', '退', '退款', '退款慢'].sort());
    expect([...(rows[1] as string[])].sort()).toEqual(['still', 'still waiting', 'waiting', 'waiting still'].sort());
  });

  it('a term’s document count is the number of records it occurs in, whatever its characters', () => {
    // Characters at both ends of the BMP's Han blocks, whose packed codes are negative 32-bit numbers.
    const han = fc.constantFrom('退', '款', '慢', '鿿', '一', '㐀', '龥');
    const text = fc.array(fc.oneof(han, fc.constantFrom(' ', 'refund', 'late', '，')), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 25 }), (texts) => {
        const { rows, documents } = collect(texts);
        const counted = new Map<string, number>();
        for (const [r, row] of rows.entries()) {
          expect(new Set(row).size).toBe(row.length);
          // A Han term is spelled back as the characters it was read from.
          for (const term of row) if (!/[a-z]/.test(term)) expect(texts[r]).toContain(term);
          for (const term of row) counted.set(term, (counted.get(term) ?? 0) + 1);
        }
        expect(documents).toEqual(counted);
      }),
      { numRuns: 60 },
    );
  });
});
