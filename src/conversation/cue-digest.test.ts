import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CueDigest } from './cue-digest.js';
import { createStringAnalyzer } from '../text/string-analyzer.js';
import { CUE_KINDS, INTENSITY_CUE_KINDS, PROBLEM_CUE_KINDS } from '../text/cue-kinds.js';
import { customerWords } from '../../test/support/arbitraries.js';

const analyze = createStringAnalyzer();
const WORDS = ['太差了', '非常', '不', '满意', '很', '没解决', '送错了', '我要投诉', '！！！', '谢谢', '好', 'not', 'happy', 'very', 'bad', 'refund', 'reply', 'days', '😡', 'WORST', '，', ' '];
const cueDense = fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map((parts) => parts.join(''));

/** Every question the scoring features (and callers of the digest) ask of it. */
function answers(digest: CueDigest): unknown {
  return {
    feelings: [digest.feelingEvidence(-1), digest.feelingEvidence(1), digest.feelingEvidence(0)],
    groups: [digest.cuesOfKinds(INTENSITY_CUE_KINDS), digest.cuesOfKinds(PROBLEM_CUE_KINDS), digest.cuesOfKinds(new Set(['negative', 'intent', 'unknown']))],
    kinds: [...CUE_KINDS, 'unknown'].map((kind) => digest.cuesOfKinds(kind)),
    problems: digest.problemCount,
  };
}

describe('CueDigest', () => {
  it('a single piece answers as the sorted lists would (evidence picked from its cues as asked)', () => {
    fc.assert(
      fc.property(fc.oneof(cueDense, customerWords), (text) => {
        const { cues } = analyze(text);
        const one = new CueDigest();
        one.add(cues, text, 0);
        // An empty second piece makes the digest sort the first piece's cues into its lists.
        const sorted = new CueDigest();
        sorted.add(cues, text, 0);
        sorted.add([], '', text.length + 1);
        expect(answers(one)).toEqual(answers(sorted));
        // Asking twice, and then adding a piece, answer as before: nothing the first answers handed out changes.
        const first = structuredClone(answers(one));
        expect(answers(one)).toEqual(first);
      }),
      { numRuns: 400 },
    );
  });

  it('the arrays it hands out from one piece are its caller\'s: a later piece changes none of them', () => {
    const digest = new CueDigest();
    const text = '太差了！！！非常不满意，送错了';
    digest.add(analyze(text).cues, text, 0);
    const unhappy = digest.feelingEvidence(-1);
    const intensity = digest.cuesOfKinds(INTENSITY_CUE_KINDS);
    const before = structuredClone([unhappy, intensity]);
    expect(unhappy?.length).toBeGreaterThan(0);
    const next = '太差了！！！我要投诉';
    digest.add(analyze(next).cues, next, text.length + 1);
    expect(digest.cuesOfKinds(INTENSITY_CUE_KINDS)?.length).toBeGreaterThan(intensity?.length ?? 0);
    expect([unhappy, intensity]).toEqual(before);
  });
});
