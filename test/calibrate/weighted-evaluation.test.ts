import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, evaluateProbabilities, thresholdTable, type EvaluationReport } from '../../src/calibrate.js';
import { defaultModel } from '../../src/index.js';
import { runCliWith } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-weighted-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each row repeated `weights[i]` times. */
function repeated<T>(values: readonly T[], weights: readonly number[]): T[] {
  return values.flatMap((v, i) => Array.from({ length: weights[i] as number }, () => v));
}

function expectSameReport(a: EvaluationReport, b: EvaluationReport): void {
  for (const key of ['rows', 'complaints', 'prevalence', 'meanPredicted', 'auc', 'prAuc', 'logLoss', 'brier', 'ece', 'mce'] as const) expect(a[key], key).toBeCloseTo(b[key], 12);
  expect(a.aucInterval.standardError).toBeCloseTo(b.aucInterval.standardError, 12);
  expect(a.reliability).toEqual(b.reliability.map((bin) => ({ ...bin, count: expect.closeTo(bin.count, 12), predicted: expect.closeTo(bin.predicted, 12), observed: expect.closeTo(bin.observed, 12) })));
  expect(a.confusion).toEqual(b.confusion);
  expect(a.bands).toEqual(b.bands);
  expect(a.lift).toEqual(b.lift);
  expect(a.distribution).toEqual(b.distribution);
}

describe('evaluation with record weights', () => {
  // Two complaints (0.8 weighing 2, 0.4 weighing 1) and two others (0.6 weighing 1, 0.2 weighing 3).
  const p = [0.8, 0.4, 0.6, 0.2];
  const y = [1, 1, 0, 0];
  const w = [2, 1, 1, 3];

  it('matches hand-computed figures', () => {
    const e = evaluateProbabilities(p, y, defaultModel, { weights: w, threshold: 0.5 });
    // Pairs outranked, by weight: 0.8 beats 0.6 (2·1) and 0.2 (2·3), 0.4 beats 0.2 (1·3): 11 of 3·4.
    expect(e.auc).toBeCloseTo(11 / 12, 14);
    expect(e.rows).toBe(7);
    expect(e.complaints).toBe(3);
    expect(e.logLoss).toBeCloseTo((5 * -Math.log(0.8) + 2 * -Math.log(0.4)) / 7, 14);
    expect(e.brier).toBeCloseTo((2 * 0.04 + 0.36 + 0.36 + 3 * 0.04) / 7, 14);
    // Ten equal bins: 0.2 (3 rows, none complained), 0.4 (1, complained), 0.6 (1, not), 0.8 (2, complained).
    expect(e.ece).toBeCloseTo((3 * 0.2 + 1 * 0.6 + 1 * 0.6 + 2 * 0.2) / 7, 14);
    // At 0.5: flagged 0.8 (2 complaints) and 0.6 (1 other).
    expect(e.confusion).toMatchObject({ truePositives: 2, falsePositives: 1, trueNegatives: 3, falseNegatives: 1 });
    expect(e.confusion.precision).toBeCloseTo(2 / 3, 14);
    expect(thresholdTable(p, y, [0.3, 0.5], w).map((c) => [c.truePositives, c.falsePositives])).toEqual([[3, 1], [2, 1]]);
  });

  it('integer weights give exactly the figures of the repeated rows', () => {
    const weighted = evaluateProbabilities(p, y, defaultModel, { weights: w, threshold: 0.5 });
    const copies = evaluateProbabilities(repeated(p, w), repeated(y, w), defaultModel, { threshold: 0.5 });
    expectSameReport(weighted, copies);
    expect(weighted.aucInterval.lower).toBeCloseTo(copies.aucInterval.lower, 12);
    expect(thresholdTable(p, y, [0.1, 0.3, 0.5, 0.7], w)).toEqual(thresholdTable(repeated(p, w), repeated(y, w), [0.1, 0.3, 0.5, 0.7]));
  });

  it('on generated rows with ties, too; evaluate(model, records) reads each record’s weight', () => {
    const n = 300;
    const probs = Array.from({ length: n }, (_, i) => Math.round(((i * 37) % 100) / 5) / 21 + 0.01);
    const labels = probs.map((q, i) => ((i * 7919) % 100) / 100 < q ? 1 : 0);
    const weights = probs.map((_, i) => 1 + (i % 4));
    expectSameReport(evaluateProbabilities(probs, labels, defaultModel, { weights }), evaluateProbabilities(repeated(probs, weights), repeated(labels, weights), defaultModel));
    const records = probs.map((_, i) => ({ channel: 'phone', waitSeconds: (i * 13) % 900, label: labels[i] as 0 | 1, weight: weights[i] as number }));
    const copies = repeated(records, weights).map(({ weight: _w, ...r }) => r);
    expectSameReport(evaluate(defaultModel, records), evaluate(defaultModel, copies));
  });
});

describe('complaint-risk evaluate --weight COLUMN', () => {
  it('reports what the repeated rows report', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ channel: i % 3 ? 'phone' : 'chat', wait: (i * 37) % 1200, text: i % 4 ? '' : '等了很久还没解决', complained: i % 7 === 0 || (i * 37) % 1200 > 1000 ? 1 : 0, w: 1 + (i % 3) }));
    const header = 'channel,wait,text,complained';
    const line = (r: (typeof rows)[number]): string => [r.channel, r.wait, r.text, r.complained].join(',');
    const weightedCsv = join(dir, 'weighted.csv');
    const repeatedCsv = join(dir, 'repeated.csv');
    writeFileSync(weightedCsv, [`${header},w`, ...rows.map((r) => `${line(r)},${r.w}`)].join('\n') + '\n');
    writeFileSync(repeatedCsv, [header, ...repeated(rows, rows.map((r) => r.w)).map(line)].join('\n') + '\n');
    const weighted = await runCliWith(['evaluate', weightedCsv, '--label', 'complained', '--weight', 'w', '--json', '--quiet']);
    const copies = await runCliWith(['evaluate', repeatedCsv, '--label', 'complained', '--json', '--quiet']);
    expect(weighted.code).toBe(0);
    expectSameReport(JSON.parse(weighted.stdout) as EvaluationReport, JSON.parse(copies.stdout) as EvaluationReport);
    // Without --weight the column is just an unread column.
    const plain = await runCliWith(['evaluate', weightedCsv, '--label', 'complained', '--json', '--quiet']);
    expect((JSON.parse(plain.stdout) as EvaluationReport).rows).toBe(400);
  });
});
