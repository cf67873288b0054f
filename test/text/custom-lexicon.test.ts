import { describe, expect, it } from 'vitest';
import { analyzeText, createTextAnalyzer } from '../../src/index.js';
import { ComplaintRiskInputError } from '../../src/core/input-error.js';

describe('custom lexicons', () => {
  const bank = createTextAnalyzer({
    lexicon: {
      entries: [
        { text: '征信', kind: 'negative', weight: 2.5 },
        { text: '逾期', kind: 'billing' },
        { text: '银行业投诉中心', kind: 'intent', weight: 0.95 },
      ],
    },
  });

  it('adds the bank its own words', () => {
    const a = bank.analyze('还款了还显示逾期，影响我征信');
    expect(a.cues.map((c) => `${c.kind}:${c.text}`)).toEqual(['billing:逾期', 'negative:征信']);
    expect(a.sentiment).toBeLessThan(0);
    expect(bank.analyze('我要找银行业投诉中心').intent).toBeGreaterThan(0.9);
  });

  it('never changes another analyzer or analyzeText', () => {
    const airline = createTextAnalyzer({ lexicon: { entries: [{ text: '改签', kind: 'negative', weight: 1 }] } });
    expect(airline.analyze('影响我征信').cues).toEqual([]);
    expect(analyzeText('影响我征信').cues).toEqual([]);
    expect(createTextAnalyzer().analyze('还显示逾期').cues).toEqual([]);
    expect(bank.analyze('改签').cues).toEqual([]);
    expect(airline.analyze('又要改签').cues.map((c) => c.text)).toEqual(['改签']);
  });

  it('wins over a built-in entry of the same length, and the longer entry wins otherwise', () => {
    const a = createTextAnalyzer({ lexicon: { entries: [{ text: '退款', kind: 'positive', weight: 1 }] } });
    expect(a.analyze('退款').cues[0]?.kind).toBe('positive');
    expect(a.analyze('我要退款').cues[0]?.kind).toBe('intent');
  });

  it('supports {n} amounts and the same modifiers as the built-in lexicon', () => {
    const a = createTextAnalyzer({ lexicon: { entries: [{ text: '延误{n}小时', kind: 'wait', weight: 3 }, { text: '准点', kind: 'positive' }] } });
    expect(a.analyze('又延误两个多小时').cues.map((c) => c.text)).toEqual(['延误两个多小时']);
    expect(a.analyze('航班并不准点').sentiment).toBeLessThan(0);
  });

  it('is also accepted per call by analyzeText', () => {
    expect(analyzeText('征信', { lexicon: { entries: [{ text: '征信', kind: 'negative' }] } }).sentiment).toBeLessThan(0);
  });

  it.each([
    [{ entries: [{ text: '', kind: 'negative' }] }, 'lexicon.entries[0].text'],
    [{ entries: [{ text: '好', kind: 'happy' }] }, 'lexicon.entries[0].kind'],
    [{ entries: [{ text: '好', kind: 'intent', weight: 2 }] }, 'lexicon.entries[0].weight'],
    [{ entries: [{ text: '好', kind: 'positive', weight: Number.NaN }] }, 'lexicon.entries[0].weight'],
    [{ entries: [{ text: '征信', kind: 'negative' }, { text: '徵信', kind: 'negative' }] }, 'lexicon.entries[1].text'],
    [{ entries: [{ text: 'x'.repeat(65), kind: 'negative' }] }, 'lexicon.entries[0].text'],
    [{ entries: [{ text: '好', kind: 'positive', extra: 1 }] }, 'lexicon.entries[0].extra'],
    [{ words: [] }, 'lexicon.words'],
  ])('rejects %j at %s', (lexicon, path) => {
    let error: unknown;
    try {
      createTextAnalyzer({ lexicon: lexicon as never });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ComplaintRiskInputError);
    const issues = (error as ComplaintRiskInputError).issues.map((i) => i.path);
    expect(issues).toContain(path);
  });
});
