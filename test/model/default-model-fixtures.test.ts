import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createScorer, type Band, type Interaction } from '../../src/index.js';

interface Expectation {
  line: number;
  name: string;
  domain: string;
  band: Band;
}

const interactions = readFileSync('fixtures/interactions.jsonl', 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => JSON.parse(line) as Interaction);
const expected = JSON.parse(readFileSync('fixtures/interactions.expected.json', 'utf8')) as Expectation[];
const BANDS: Band[] = ['low', 'medium', 'high', 'critical'];
const scorer = createScorer();
const scored = interactions.map((x) => scorer.score(x));

describe('the default model on our hand-written fixtures', () => {
  it('has an expectation for every fixture, across domains and languages', () => {
    expect(interactions.length).toBeGreaterThanOrEqual(40);
    expect(expected).toHaveLength(interactions.length);
    expect(new Set(expected.map((e) => e.domain)).size).toBeGreaterThanOrEqual(7);
    for (const band of BANDS) expect(expected.some((e) => e.band === band)).toBe(true);
  });

  it('puts every fixture within one band of what a complaint manager expects, and most exactly', () => {
    let exact = 0;
    const misses: string[] = [];
    expected.forEach((e, i) => {
      const got = scored[i]!.band;
      const gap = Math.abs(BANDS.indexOf(got) - BANDS.indexOf(e.band));
      if (gap === 0) exact++;
      else misses.push(`${e.line} ${e.name}: expected ${e.band}, got ${got} (${(scored[i]!.probability * 100).toFixed(1)}%)`);
      expect(gap, `${e.line} ${e.name}: expected ${e.band}, got ${got}`).toBeLessThanOrEqual(1);
    });
    expect(exact / expected.length, misses.join('\n')).toBeGreaterThanOrEqual(0.8);
  });

  it('orders every critical fixture above every low one', () => {
    const critical = expected.filter((e) => e.band === 'critical').map((e) => scored[e.line - 1]!.probability);
    const low = expected.filter((e) => e.band === 'low').map((e) => scored[e.line - 1]!.probability);
    expect(Math.min(...critical)).toBeGreaterThan(Math.max(...low));
  });

  it('ranks clearly different cases in the expected order', () => {
    const byName = (name: string): number => {
      const i = expected.findIndex((e) => e.name === name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return scored[i]!.probability;
    };
    const pairs: Array<[string, string]> = [
      ['long wait, bounced around, fifth contact', 'answered quickly, resolved'],
      ['overdue-repayment mix-up, regulator threat', 'quick branch visit, thanks'],
      ['rude rider, wants to complain', 'change address question'],
      ['lost luggage, press threat', 'calm rebooking question'],
      ['mystery charges, 12315', 'plan change how-to'],
      ['parcel signed but not received, turns', 'payment failed, fixed in chat'],
      ['public post: delayed again', 'public thanks'],
      ['traditional Chinese complaint', 'signal not great'],
    ];
    for (const [higher, lower] of pairs) expect(byName(higher), `${higher} > ${lower}`).toBeGreaterThan(byName(lower));
  });
});
