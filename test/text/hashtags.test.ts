import { describe, expect, it } from 'vitest';
import { analyzeText, createTextAnalyzer } from '../../src/index.js';
import { createStringAnalyzer } from '../../src/text/string-analyzer.js';
import type { TokenObserver } from '../../src/text/terms/token-reader.js';
import { cueList } from './helpers.js';

/** The tokens an observer sees, as text: words as they are, Han characters as [x]. */
function observed(text: string): string[] {
  const seen: string[] = [];
  const observer: TokenObserver = {
    word: (t, start, end) => seen.push(t.slice(start, end)),
    han: (at) => seen.push(`[${text[at]}]`),
  };
  createStringAnalyzer()(text, observer);
  return seen;
}

describe('hashtags read as the words they run together', () => {
  it('#nogood is a negated praise, #stillwaiting a wait', () => {
    expect(cueList(analyzeText('#nogood'))).toEqual(['negation:no', 'negative:good']);
    expect(cueList(analyzeText('#stillwaiting'))).toEqual(['wait:stillwaiting']);
    expect(analyzeText('#nogood').sentiment).toBeLessThan(0);
  });

  it('splits mixed case where the case turns: #NoGood, #BAFail', () => {
    expect(cueList(analyzeText('#NoGood'))).toEqual(['negation:No', 'negative:Good']);
    expect(cueList(analyzeText('#BAFail'))).toEqual(['negative:Fail']);
  });

  it('finds phrases across the words: #thanksfornothing', () => {
    expect(cueList(analyzeText('#thanksfornothing'))).toEqual(['negative:thanksfornothing']);
  });

  it('splits an unknown start (a brand) off a lexicon word: #acmefail', () => {
    expect(cueList(analyzeText('#acmefail'))).toEqual(['negative:fail']);
  });

  it('splits a brand off only a verdict: #acmesucks, but #teaparty and #lakehouse are no praise', () => {
    expect(cueList(analyzeText('#acmesucks'))).toEqual(['negative:sucks']);
    expect(analyzeText('#teaparty').cues).toEqual([]);
    expect(analyzeText('#blueparty').cues).toEqual([]);
  });

  it('reads a hashtag as its words only when they hold a verdict: a topic (#usadebt) stays one word', () => {
    expect(analyzeText('#usadebt').cues).toEqual([]);
    expect(analyzeText('#sobad').sentiment).toBeLessThan(0);
    expect(cueList(analyzeText('#veryslow'))).toContain('wait:slow');
  });

  it('splits into no short words of the terms (#confab is no "con fab")', () => {
    expect(analyzeText('#confab').cues).toEqual([]);
  });

  it('keeps a hashtag that is one word, or that no words cover, as it was', () => {
    expect(cueList(analyzeText('#fail'))).toEqual(['negative:#fail']);
    expect(cueList(analyzeText('#disappointed'))).toEqual(['negative:disappointed']);
    expect(analyzeText('#therapist').cues).toEqual([]);
    expect(analyzeText('#qwzrtplk').cues).toEqual([]);
  });

  it('reads only a-z hashtags of 4 to 40 letters: digits and long runs stay one word', () => {
    expect(observed('#nogood2')).toEqual(['nogood2']);
    const long = `#${'no'.repeat(30)}`;
    expect(observed(long)).toEqual(['no'.repeat(30)]);
  });

  it('points every cue into the text', () => {
    const text = 'waited all day #StillWaiting #nogood';
    for (const cue of analyzeText(text).cues) expect(text.slice(cue.start, cue.end)).toBe(cue.text);
  });

  it('uses the words of an analyzer\'s own lexicon too', () => {
    const analyzer = createTextAnalyzer({ lexicon: { entries: [{ text: 'wifi down', kind: 'unresolved' }] } });
    expect(cueList(analyzer.analyze('#wifidown again'))).toContain('unresolved:wifidown');
  });
});

describe('the token observer', () => {
  it('sees the words of a split hashtag as the scanner reads them, in order', () => {
    expect(observed('so #nogood today')).toEqual(['so', 'no', 'good', 'today']);
    expect(observed('#StillWaiting 还没到')).toEqual(['Still', 'Waiting', '[还]', '[没]', '[到]']);
  });

  it('sees an unsplit hashtag as its word, as before', () => {
    expect(observed('#blessed #fail')).toEqual(['blessed', 'fail']);
  });
});
