import { describe, expect, it } from 'vitest';
import { analyzeText, createScorer, createSession, type Evidence, type TextAnalysis, type TextAnalyzer, type Turn } from '../../src/index.js';
import { readText } from '../../src/conversation/read-text.js';
import { createStringAnalyzer } from '../../src/text/string-analyzer.js';

const CUE_DENSE = '太差了！！我要投诉，等了半小时还没人理 terrible, still waiting!!! ';

/**
 * An analyzer whose first text's cues count every read of their fields once
 * counting is switched on: how often scoring goes back over cues of earlier
 * turns is then a number, not a timing.
 */
function countingAnalyzer(): { analyzer: TextAnalyzer; start: () => void; reads: () => number } {
  let reads = 0;
  let counting = false;
  let first = true;
  const counted = (cue: Evidence): Evidence =>
    new Proxy(cue, {
      get(target, key, receiver) {
        if (counting) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
  const analyzer: TextAnalyzer = {
    analyze(text): TextAnalysis {
      const a = analyzeText(text);
      if (!first) return a;
      first = false;
      return { ...a, cues: a.cues.map(counted) };
    },
  };
  return { analyzer, start: () => (counting = true), reads: () => reads };
}

describe('live sessions cost each turn its own length (issue 15, item 6b)', () => {
  it('adding a turn does not go back over the cues of earlier turns', () => {
    const { analyzer, start, reads } = countingAnalyzer();
    const session = createSession({ channel: 'chat' }, { analyzer });
    // A first turn with thousands of cues, then 50 short turns.
    const first = session.addTurn({ speaker: 'customer', text: CUE_DENSE.repeat(300) });
    expect(first.band).toBe('critical');
    start();
    for (let i = 0; i < 50; i++) session.addTurn({ speaker: i % 2 ? 'agent' : 'customer', text: i % 2 ? '非常抱歉，我们会在两小时内回电。' : '还是没人处理' });
    // Quoting a few of its cues as evidence, and copying those into the caller's result, reads their handful of
    // fields (at most MAX_EVIDENCE cues per factor); re-reading them all read ~10^5 per turn.
    expect(reads() / 50).toBeLessThan(1000);
  });

  it('a long session still equals score() of the whole transcript', () => {
    const turns: Turn[] = [];
    const session = createSession({ channel: 'phone', waitSeconds: 200 });
    const scorer = createScorer();
    for (let i = 0; i < 300; i++) {
      const turn: Turn = i % 4 === 3 ? { speaker: 'agent', text: 'Sorry, we will call you back within 2 hours.' } : { speaker: 'customer', text: i % 5 === 0 ? '谢谢，好的' : CUE_DENSE };
      turns.push(turn);
      const live = session.addTurn(turn);
      if (i % 37 === 0 || i === 299) expect(live).toEqual(scorer.score({ channel: 'phone', waitSeconds: 200, text: turns }));
    }
  });
});

describe('memory per line is bounded (issue 15, item 3)', () => {
  it('a transcript of 10,000 cue-dense turns keeps a few hundred cues for scoring, not every one', () => {
    const turns: Turn[] = Array.from({ length: 10_000 }, () => ({ speaker: 'customer' as const, text: CUE_DENSE.repeat(4) }));
    const reading = readText(createStringAnalyzer(), turns);
    expect(reading.analysis.cues).toEqual([]);
    const kept = new Set<Evidence>();
    for (const kinds of ['intent', 'negative', 'wait', 'unresolved', 'punctuation', 'attitude', 'intensifier']) for (const cue of reading.cues.cuesOfKinds(kinds) ?? []) kept.add(cue);
    expect(kept.size).toBeLessThanOrEqual(7 * 20);
    expect(reading.cues.problemCount).toBeGreaterThan(10_000);
    const result = createScorer().score({ channel: 'chat', text: turns });
    for (const f of result.factors) expect((f.evidence ?? []).length).toBeLessThanOrEqual(20);
    expect(result.band).toBe('critical');
  });
});
