import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createScorer, createSession, customerText, type Band, type Interaction, type RiskResult, type SentimentTrend, type Turn } from '../../src/index.js';

interface Conversation {
  name: string;
  language: 'zh' | 'en' | 'mixed';
  init: Interaction;
  turns: Turn[];
  expect: {
    finalAtLeast?: Band;
    finalAtMost?: Band;
    firstAtMost?: Band;
    trend?: 'worsening' | 'improving';
    neverFalls?: boolean;
    agentFactors?: string[];
    silenceFactor?: boolean;
    repeatsAtLeast?: number;
    agentWordsIgnored?: boolean;
  };
}

const BANDS: Band[] = ['low', 'medium', 'high', 'critical'];
const rank = (band: Band) => BANDS.indexOf(band);
const conversations = JSON.parse(readFileSync('fixtures/conversations.json', 'utf8')) as Conversation[];
const scorer = createScorer();

/** Replays a conversation turn by turn, keeping the result after each turn. */
function replay(c: Conversation): { results: RiskResult[]; trend: SentimentTrend | undefined } {
  const session = createSession(c.init);
  const results = c.turns.map((turn) => session.addTurn(turn));
  return { results, trend: session.trend() };
}

const factor = (result: RiskResult, id: string) => result.factors.find((f) => f.id === id);

describe('our multi-turn conversations, replayed turn by turn', () => {
  it('cover Chinese, English and mixed contacts', () => {
    expect(new Set(conversations.map((c) => c.language))).toEqual(new Set(['zh', 'en', 'mixed']));
    expect(conversations.length).toBeGreaterThanOrEqual(8);
  });

  for (const c of conversations) {
    describe(c.name, () => {
      const { results, trend } = replay(c);
      const final = results.at(-1)!;
      const customerResults = results.filter((_, i) => c.turns[i]!.speaker === 'customer');

      it('scores every turn exactly as the whole interaction so far', () => {
        results.forEach((result, i) => expect(result).toEqual(scorer.score({ ...c.init, text: c.turns.slice(0, i + 1) })));
      });

      it('ends in the band a complaint manager expects', () => {
        const { finalAtLeast, finalAtMost, firstAtMost } = c.expect;
        const why = `${final.band} ${(final.probability * 100).toFixed(1)}%: ${final.factors.map((f) => `${f.id}=${f.contribution.toFixed(2)}`).join(' ')}`;
        if (finalAtLeast !== undefined) expect(rank(final.band), why).toBeGreaterThanOrEqual(rank(finalAtLeast));
        if (finalAtMost !== undefined) expect(rank(final.band), why).toBeLessThanOrEqual(rank(finalAtMost));
        if (firstAtMost !== undefined) expect(rank(results[0]!.band)).toBeLessThanOrEqual(rank(firstAtMost));
      });

      if (c.expect.neverFalls === true) {
        it('never drops a band as the customer escalates', () => {
          for (let i = 1; i < customerResults.length; i++)
            expect(rank(customerResults[i]!.band)).toBeGreaterThanOrEqual(rank(customerResults[i - 1]!.band));
          expect(final.probability).toBeGreaterThan(results[0]!.probability);
        });
      }

      if (c.expect.trend !== undefined) {
        it(`reports the mood ${c.expect.trend}`, () => {
          expect(trend?.direction).toBe(c.expect.trend);
          const mood = factor(final, 'worsening');
          if (c.expect.trend === 'worsening') {
            expect(mood?.value).toEqual({ from: trend!.start, to: trend!.end });
            expect(mood!.contribution).toBeGreaterThan(0);
            expect(mood!.reason.en).toMatch(/worsened/);
          } else {
            // An improving mood is not rewarded beyond the customer's words themselves.
            expect(mood).toBeUndefined();
          }
        });
      }

      for (const id of c.expect.agentFactors ?? []) {
        it(`reads the agent's ${id} as its own factor, quoting the agent`, () => {
          const f = factor(final, id);
          expect(f, id).toBeDefined();
          const quoted = (f!.value as { text: string }).text;
          expect(c.turns.some((t) => t.speaker === 'agent' && t.text.includes(quoted))).toBe(true);
          expect(f!.reason.zh).toContain(quoted);
        });
      }

      if (c.expect.silenceFactor === true) {
        it('raises risk for the long agent silence, quoting it', () => {
          const f = factor(final, 'agentSilence');
          expect(f).toBeDefined();
          expect(f!.value).toBe(720);
          expect(f!.direction).toBe('raises');
          expect(f!.reason.en).toMatch(/12 min/);
        });
      }

      if (c.expect.repeatsAtLeast !== undefined) {
        it('counts the problem raised again within the contact', () => {
          expect(factor(final, 'repeatsInContact')!.value as number).toBeGreaterThanOrEqual(c.expect.repeatsAtLeast!);
        });
      }

      it('takes every piece of text evidence from the customer turns only', () => {
        const text = customerText(c.turns);
        const evidence = final.factors.flatMap((f) => f.evidence ?? []);
        for (const e of evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
        if (c.expect.agentWordsIgnored === true) {
          const customerOnly = scorer.score({ ...c.init, text: c.turns.filter((t) => t.speaker === 'customer') });
          for (const id of ['negativity', 'intensity', 'intent', 'problems'])
            expect(factor(final, id)?.contribution ?? 0).toBe(factor(customerOnly, id)?.contribution ?? 0);
          expect(evidence.every((e) => !['投诉', '不满意', '太差'].includes(e.text))).toBe(true);
        }
      });
    });
  }
});
