import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScorer, defaultModel, parseModel } from '../../src/index.js';
import { fit, renderReport, evaluateProbabilities } from '../../src/calibrate.js';
import { runCliWith } from '../support/run-cli.js';
import { syntheticData } from '../support/synthetic.js';

const SCALE = { base: 600, odds: 19, pdo: 50 };

describe('scorecard points in fitting', () => {
  const { records } = syntheticData(1_500, 11);

  it('fit({ points }) writes the scale into the model, and results then carry points', () => {
    const { model } = fit(records, { points: SCALE, terms: false });
    expect(model.points).toEqual(SCALE);
    const result = createScorer(model).score({ channel: 'phone', waitSeconds: 400, unresolved: true });
    expect(typeof result.points).toBe('number');
    expect(result.factors.every((f) => typeof f.points === 'number')).toBe(true);
  });

  it('keeps the base model scale when none is given, and none when the base has none', () => {
    const base = parseModel({ ...defaultModel, points: { base: 500, odds: 9, pdo: 20 } });
    expect(fit(records, { baseModel: base, terms: false }).model.points).toEqual({ base: 500, odds: 9, pdo: 20 });
    expect(fit(records, { terms: false }).model.points).toBeUndefined();
  });

  it('the HTML report shows the scale, the band cut-offs in points and the points per unit', () => {
    const { model, probabilities } = fit(records, { points: SCALE, terms: false });
    const labels = records.map((r) => (r.label ? 1 : 0));
    const html = renderReport({ model, evaluation: evaluateProbabilities(probabilities, labels, model) });
    expect(html).toMatch(/Scorecard points/);
    expect(html).toMatch(/600 points at odds 19\.00:1 against a complaint \(a 5\.00% risk\)/);
    expect(html).toMatch(/points per unit/);
    const plain = fit(records, { terms: false });
    expect(renderReport({ model: plain.model, evaluation: evaluateProbabilities(plain.probabilities, labels, plain.model) })).not.toMatch(/Scorecard points/);
  });

  it('complaint-risk fit --points 600/19/50 sets it, and refuses a malformed scale before reading the data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-points-'));
    const file = join(dir, 'history.jsonl');
    writeFileSync(file, records.map(({ label, ...r }) => JSON.stringify({ ...r, complained: label })).join('\n') + '\n');
    const out = join(dir, 'model.json');
    const run = await runCliWith(['fit', file, '--label', 'complained', '--out', out, '--cv', '0', '--quiet', '--points', '600/19/50']);
    expect(run.code).toBe(0);
    expect(parseModel(readFileSync(out, 'utf8')).points).toEqual(SCALE);
    for (const bad of ['600/19', '600/0/50', '600/19/-5', 'a/b/c']) {
      const refused = await runCliWith(['fit', join(dir, 'missing.jsonl'), '--label', 'complained', '--out', join(dir, 'x.json'), '--points', bad]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/--points must be BASE\/ODDS\/PDO/);
    }
  });
});
