import { describe, expect, it } from 'vitest';
import { createScorer, type Interaction } from '../../src/index.js';

const scorer = createScorer();
const NOW = Date.parse('2026-11-23T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();
const repeatFactor = (x: Interaction) => scorer.score(x).factors.find((f) => f.id === 'repeatContacts');

describe('dated contact history', () => {
  it('weighs a contact yesterday more than one 25 days ago (14-day half-life)', () => {
    const yesterday = repeatFactor({ channel: 'phone', now: NOW, history: [{ at: daysAgo(1) }] })!;
    const monthAgo = repeatFactor({ channel: 'phone', now: NOW, history: [{ at: daysAgo(25) }] })!;
    expect(yesterday.contribution).toBeGreaterThan(monthAgo.contribution);
    expect((yesterday.value as { weighted: number }).weighted).toBeCloseTo(Math.pow(0.5, 1 / 14), 12);
    expect((monthAgo.value as { weighted: number }).weighted).toBeCloseTo(Math.pow(0.5, 25 / 14), 12);
  });

  it('says "3rd contact in 5 days" in both languages', () => {
    const f = repeatFactor({ channel: 'chat', now: NOW, history: [{ at: daysAgo(5), channel: 'phone' }, { at: daysAgo(2) }] })!;
    expect(f.reason.en).toMatch(/^3rd contact in 5 days/);
    expect(f.reason.zh).toMatch(/^5 天内第 3 次联系/);
  });

  it('replaces repeatContacts when both are given', () => {
    const history = [{ at: daysAgo(3) }];
    const both = scorer.score({ channel: 'phone', repeatContacts: 9, now: NOW, history });
    const historyOnly = scorer.score({ channel: 'phone', now: NOW, history });
    expect(both).toEqual(historyOnly);
  });

  it('accepts epoch milliseconds and ISO strings alike, and treats future-dated contacts as now', () => {
    const iso = scorer.score({ channel: 'phone', now: new Date(NOW).toISOString(), history: [{ at: daysAgo(2) }] });
    const ms = scorer.score({ channel: 'phone', now: NOW, history: [{ at: NOW - 2 * 86_400_000 }] });
    expect(ms.probability).toBeCloseTo(iso.probability, 12);
    const skewed = repeatFactor({ channel: 'phone', now: NOW, history: [{ at: NOW + 60_000 }] })!;
    expect((skewed.value as { weighted: number }).weighted).toBe(1);
  });

  it('counts earlier formal complaints as prior complaints unless given explicitly', () => {
    const history = [{ at: daysAgo(10), complained: true }, { at: daysAgo(4) }];
    const prior = scorer.score({ channel: 'phone', now: NOW, history }).factors.find((f) => f.id === 'priorComplaints');
    expect(prior?.value).toBe(1);
    const explicit = scorer.score({ channel: 'phone', now: NOW, history, priorComplaints: 3 }).factors.find((f) => f.id === 'priorComplaints');
    expect(explicit?.value).toBe(3);
  });

  it('needs now to age the history, and says so at that path', () => {
    const result = scorer.safeScore({ channel: 'phone', history: [{ at: daysAgo(1) }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.error)).toMatch(/now/);
  });
});
