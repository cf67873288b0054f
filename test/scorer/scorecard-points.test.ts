import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScorer, createSession, defaultModel, logit, parseModel, type RiskResult } from '../../src/index.js';
import { validInteraction } from '../support/arbitraries.js';

// The scale risk teams quote: 600 points at 19:1 good:bad odds (a 5 % complaint risk), 50 points to double the odds.
const SCALE = { base: 600, odds: 19, pdo: 50 };
const FACTOR = SCALE.pdo / Math.LN2;
const withPoints = parseModel({ ...defaultModel, id: 'with-points', points: SCALE });
const scorer = createScorer(withPoints);

function pointsGap(result: RiskResult): number {
  const sum = result.factors.reduce((s, f) => s + (f.points as number), 0);
  return sum - ((result.points as number) - (result.reference.points as number));
}

describe('scorecard points', () => {
  it('factor points sum to the result points minus the reference points for random interactions', () => {
    fc.assert(
      fc.property(validInteraction, (interaction) => {
        const result = scorer.score(interaction);
        // The same rule as contributions (1e-9 in log-odds), on the points scale.
        expect(Math.abs(pointsGap(result))).toBeLessThan(1e-9 * FACTOR);
        for (const f of result.factors) expect(f.points).toBeCloseTo(-FACTOR * f.contribution, 9);
        const expected = SCALE.base + FACTOR * (Math.log((1 - result.probability) / result.probability) - Math.log(SCALE.odds));
        expect(Math.abs((result.points as number) - expected)).toBeLessThan(1e-6);
      }),
      { numRuns: 1000 },
    );
  });

  it('puts the base points at the base odds and adds pdo points for each doubling of the odds', () => {
    // A model whose reference sits exactly at 1 complaint in 20 and whose only factor doubles the odds against it.
    const model = parseModel({
      ...defaultModel,
      points: SCALE,
      intercept: defaultModel.intercept - logitOfReference() - Math.log(SCALE.odds),
      weights: { ...defaultModel.weights, unresolved: -Math.LN2 },
    });
    const s = createScorer(model);
    const reference = s.score({ channel: 'phone' });
    expect(reference.probability).toBeCloseTo(0.05, 12);
    expect(reference.points).toBeCloseTo(600, 9);
    expect(reference.reference.points).toBeCloseTo(600, 9);
    const doubled = s.score({ channel: 'phone', unresolved: true });
    expect(doubled.points).toBeCloseTo(650, 9);
    expect(doubled.factors).toEqual([expect.objectContaining({ id: 'unresolved', points: expect.closeTo(50, 9) })]);
  });

  it('lower points mean more risk: a complaint threat scores fewer points than a calm contact', () => {
    const calm = scorer.score({ channel: 'chat', text: 'Thanks, all sorted.' });
    const angry = scorer.score({ channel: 'phone', waitSeconds: 900, unresolved: true, text: '我要投诉！' });
    expect(angry.points as number).toBeLessThan(calm.points as number);
    expect(angry.factors.filter((f) => f.direction === 'raises').every((f) => (f.points as number) < 0)).toBe(true);
  });

  it('stays exact when the log-odds hit their bound (the bound factor has points too)', () => {
    const extreme = createScorer(parseModel({ ...withPoints, weights: { ...withPoints.weights, unresolved: 40 } }));
    const result = extreme.score({ channel: 'phone', unresolved: true });
    const bound = result.factors.find((f) => f.id === 'logOddsBound');
    expect(bound?.points).toBeCloseTo(-FACTOR * (bound as { contribution: number }).contribution, 9);
    expect(Math.abs(pointsGap(result))).toBeLessThan(1e-9 * FACTOR);
  });

  it('leaves results of a model without points exactly as they were: no points keys at all', () => {
    const plain = createScorer().score({ channel: 'phone', waitSeconds: 540, text: '我要投诉' });
    expect('points' in plain).toBe(false);
    expect('points' in plain.reference).toBe(false);
    expect(plain.factors.some((f) => 'points' in f)).toBe(false);
    const pointed = scorer.score({ channel: 'phone', waitSeconds: 540, text: '我要投诉' });
    // Same probability, band and contributions: points are added, nothing else changes.
    expect(pointed.probability).toBe(plain.probability);
    expect(pointed.factors.map((f) => [f.id, f.contribution])).toEqual(plain.factors.map((f) => [f.id, f.contribution]));
  });

  it('results with points stay plain data (JSON, structuredClone, spread)', () => {
    const result = scorer.score({ channel: 'phone', waitSeconds: 540, unresolved: true, text: 'I want to file a complaint' });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(structuredClone(result)).toEqual(result);
    expect({ ...result }).toEqual(result);
  });

  it('live sessions carry the same points as scoring the whole interaction', () => {
    const session = createSession({ channel: 'chat' }, { model: withPoints });
    session.addTurn({ speaker: 'customer', text: 'still waiting for my refund' });
    const live = session.addTurn({ speaker: 'customer', text: '我要投诉' });
    const whole = scorer.score({ channel: 'chat', text: [{ speaker: 'customer', text: 'still waiting for my refund' }, { speaker: 'customer', text: '我要投诉' }] });
    expect(live.points).toBe(whole.points);
  });

  it('parseModel refuses a scale that cannot be a scorecard, naming the path', () => {
    for (const [points, path] of [
      [{ base: 600, odds: 19, pdo: 0 }, 'points.pdo'],
      [{ base: 600, odds: -1, pdo: 50 }, 'points.odds'],
      [{ base: Number.NaN, odds: 19, pdo: 50 }, 'points.base'],
      [{ base: 600, odds: 19 }, 'points.pdo'],
      [{ base: 600, odds: 19, pdo: 50, scale: 'x' }, 'points.scale'],
    ] as const) {
      let issues: { path: string }[] = [];
      try {
        parseModel({ ...defaultModel, points });
      } catch (error) {
        issues = (error as { issues: { path: string }[] }).issues;
      }
      expect(issues.map((i) => i.path)).toContain(path);
    }
  });
});

/** The default model's reference log-odds, so a test can move its reference to a chosen probability. */
function logitOfReference(): number {
  return logit(createScorer().score({ channel: 'phone' }).reference.probability);
}
