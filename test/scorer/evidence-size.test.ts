import { describe, expect, it } from 'vitest';
import { createScorer } from '../../src/index.js';

const scorer = createScorer();

describe('evidence size', () => {
  it('keeps at most 20 evidence spans per factor however long the text', () => {
    const rant = '乱扣费，送错了，等了半小时，没人理。'.repeat(2_000);
    const result = scorer.score({ channel: 'chat', text: rant });
    for (const f of result.factors) expect(f.evidence?.length ?? 0).toBeLessThanOrEqual(20);
    expect(result.factors.find((f) => f.id === 'problems')!.evidence).toHaveLength(20);
  });
});
