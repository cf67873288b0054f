import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CUE_KINDS, analyzeText } from '../../src/index.js';
import { cueList } from './helpers.js';

function expectSpansSliceBack(text: string): void {
  const a = analyzeText(text);
  let last = -1;
  for (const cue of a.cues) {
    expect(text.slice(cue.start, cue.end)).toBe(cue.text);
    expect(cue.end).toBeGreaterThan(cue.start);
    expect(cue.start).toBeGreaterThanOrEqual(last);
    last = cue.start;
  }
}

describe('cue spans', () => {
  it('slice back to the exact text of the caller, in text order', () => {
    for (const text of [
      '骑手态度很差，还骂人，我要投诉！！',
      '等了 3 小时，打了三次电话，到现在还没解决。',
      'I have been on hold for 2 hours and NOBODY called back!!! 😡😡',
      '這個服務態度太差了，我要投訴！',
      'ＡＰＰ一直闪退，very disappointed，我要退款',
    ]) {
      expectSpansSliceBack(text);
    }
  });

  it('hold for any input (property)', () => {
    const pieces = ['不', '很', '满意', '投诉', '等了', '半小时', 'not', ' good', '!!', '？？', '😡', '，', '\n', 'Refund', '12315', '\uD83D', 'ｎｏｔ', '態度'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const a = analyzeText(text);
        expect(a.sentiment).toBeGreaterThanOrEqual(-1);
        expect(a.sentiment).toBeLessThanOrEqual(1);
        expect(a.intensity).toBeGreaterThanOrEqual(0);
        expect(a.intent).toBeGreaterThanOrEqual(0);
        expect(a.intent).toBeLessThanOrEqual(1);
        for (const cue of a.cues) {
          expect(text.slice(cue.start, cue.end)).toBe(cue.text);
          expect(CUE_KINDS).toContain(cue.kind);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('folding', () => {
  it('reads Traditional Chinese like Simplified, with offsets into the Traditional text', () => {
    const trad = analyzeText('等了兩個小時，服務態度太差，我要投訴');
    const simp = analyzeText('等了两个小时，服务态度太差，我要投诉');
    expect(trad.sentiment).toBeCloseTo(simp.sentiment, 12);
    expect(trad.intent).toBeCloseTo(simp.intent, 12);
    expect(trad.cues.map((c) => [c.kind, c.start, c.end])).toEqual(simp.cues.map((c) => [c.kind, c.start, c.end]));
    expect(cueList(trad)).toContain('intent:我要投訴');
  });

  it('reads full-width letters, digits and marks like ASCII', () => {
    const a = analyzeText('ＮＯＢＯＤＹ ＣＡＬＬＥＤ ＢＡＣＫ！！　打了１２３１５');
    expect(cueList(a)).toEqual(expect.arrayContaining(['unresolved:ＮＯＢＯＤＹ ＣＡＬＬＥＤ ＢＡＣＫ', 'punctuation:！！', 'intent:１２３１５']));
  });

  it('ignores case and curly apostrophes', () => {
    expect(analyzeText('I DON’T want a refund, it WASN’T bad').cues.some((c) => c.kind === 'negation')).toBe(true);
    expect(analyzeText('Still Waiting').cues.map((c) => c.kind)).toEqual(['wait']);
  });

  it('matches English only on word boundaries', () => {
    expect(analyzeText('notable').cues).toEqual([]);
    expect(analyzeText('badminton club').cues).toEqual([]);
    expect(analyzeText('112315').intent).toBe(0);
  });
});

describe('language', () => {
  it.each([
    ['我要投诉', 'zh'],
    ['I want to complain', 'en'],
    ['refund 到现在还没到账，very disappointed', 'mixed'],
    ['我的iPhone坏了', 'zh'],
    ['', 'none'],
    ['12345 ...', 'none'],
  ])('%s → %s', (text, language) => {
    expect(analyzeText(text).language).toBe(language);
  });

  it('reads Chinese and English cues in one message', () => {
    const a = analyzeText('等了两个小时 still waiting，this is ridiculous，我要投诉');
    const kinds = new Set(a.cues.map((c) => c.kind));
    expect(kinds).toEqual(new Set(['wait', 'negative', 'intent']));
    expect(a.cues.filter((c) => c.kind === 'wait').map((c) => c.text)).toEqual(['等了两个小时', 'still waiting']);
  });
});
