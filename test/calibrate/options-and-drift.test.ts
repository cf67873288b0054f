import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseBands, chooseThreshold, crossValidate, drift, evaluate, evaluateProbabilities, fit, fitLogisticMatrix, psi, type LabeledRecord } from '../../src/calibrate.js';
import { analyzeText, ComplaintRiskInputError, createScorer, createSession, createTextAnalyzer, defaultModel, restoreSession } from '../../src/index.js';
import { runCliWith } from '../support/run-cli.js';

function records(n: number): LabeledRecord[] {
  return Array.from({ length: n }, (_, i) => ({ channel: i % 2 ? 'phone' : 'chat', waitSeconds: (i * 37) % 900, label: i % 5 === 0 }));
}

/** The call is refused before any work, naming the option's path. */
function refusedAt(path: string, run: () => unknown): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a refusal at ${path}`).toBeInstanceOf(ComplaintRiskInputError);
  expect((caught as ComplaintRiskInputError).issues.map((i) => i.path)).toContain(path);
}

describe('every public options object is checked before any work (issue 15, item 16)', () => {
  const rows = records(200);
  const p = new Float64Array(200).map((_, i) => ((i * 7) % 100) / 100);
  const labels = Uint8Array.from(rows, (r) => (r.label ? 1 : 0));

  it('fit and crossValidate', () => {
    let progress = 0;
    const onProgress = (): void => void progress++;
    refusedAt('standardErrors', () => fit(rows, { standardErrors: 'bogus' as 'model', onProgress }));
    refusedAt('maxIterations', () => fit(rows, { maxIterations: -1, onProgress }));
    refusedAt('tolerance', () => fit(rows, { tolerance: Number.NaN, onProgress }));
    refusedAt('l2', () => fit(rows, { l2: -1 }));
    refusedAt('constantColumns', () => fit(rows, { constantColumns: 'drop' as 'keepPrior' }));
    refusedAt('classWeight.positive', () => fit(rows, { classWeight: { positive: 0, negative: 1 } }));
    refusedAt('terms.minDocuments', () => fit(rows, { terms: { minDocuments: 1 } }));
    refusedAt('terms.maxTerms', () => fit(rows, { terms: { maxTerms: 0 } }));
    refusedAt('terms.l2', () => fit(rows, { terms: { l2: Number.POSITIVE_INFINITY } }));
    refusedAt('terms.maxterms', () => fit(rows, { terms: { maxterms: 5 } as never }));
    refusedAt('maxIteration', () => fit(rows, { maxIteration: 5 } as never));
    expect(progress).toBe(0);
    refusedAt('folds', () => crossValidate(rows, { folds: 1 }));
    refusedAt('seed', () => crossValidate(rows, { seed: 0.5 }));
    expect(() => crossValidate(rows, { folds: 3, seed: 2, l2: 2 })).not.toThrow();
  });

  it('evaluation, thresholds, drift, PSI and fitLogisticMatrix', () => {
    const model = fit(rows).model;
    refusedAt('threshold', () => evaluate(model, rows, { threshold: 2 }));
    refusedAt('binning', () => evaluateProbabilities(p, labels, model, { binning: 'log' as 'uniform' }));
    refusedAt('bins', () => evaluateProbabilities(p, labels, model, { bins: 1 }));
    refusedAt('(root)', () => chooseThreshold(p, labels, { recal: 0.8 } as never));
    expect(() => chooseThreshold(p, labels, { recal: 0.8 } as never)).toThrow(/a criterion is \{ recall \}, \{ precision \}.*"recal"/);
    refusedAt('recall', () => chooseThreshold(p, labels, { recall: 1.5 }));
    refusedAt('volume', () => chooseThreshold(p, labels, { capacity: 5, volume: 0 }));
    refusedAt('high.precision', () => chooseBands(model, p, labels, { high: { precision: -1 } }));
    refusedAt('hihg', () => chooseBands(model, p, labels, { hihg: { recall: 0.5 } } as never));
    refusedAt('epsilon', () => psi([1, 2, 3], [1, 2, 3], { epsilon: 0 }));
    refusedAt('edges', () => psi([1, 2, 3], [1, 2, 3], { edges: [2, 1] }));
    refusedAt('bins', () => drift(model, rows, rows, { bins: 0 }));
    refusedAt('standardErrors', () => fitLogisticMatrix(new Float64Array(10), 10, 1, new Uint8Array(10), { standardErrors: 'x' as 'model' }));
  });

  it('scorers, sessions and analyzers', () => {
    refusedAt('analyzer', () => createScorer(defaultModel, { analyzer: {} as never }));
    refusedAt('lexicons', () => createScorer(defaultModel, { lexicons: {} } as never));
    refusedAt('alertBand', () => createSession({ channel: 'chat' }, { alertBand: 'urgent' as 'high' }));
    refusedAt('onBandRise', () => createSession({ channel: 'chat' }, { onBandRise: 'call me' as never }));
    refusedAt('alertBand', () => restoreSession(createSession({ channel: 'chat' }).toJSON(), { alertBand: 'x' as 'high' }));
    refusedAt('lexicon', () => createTextAnalyzer({ lexicon: 42 } as never));
    refusedAt('lexikon', () => analyzeText('hi', { lexikon: {} } as never));
  });

  it('options are read as own properties: nothing on Object.prototype poses as one', () => {
    const proto = Object.prototype as Record<string, unknown>;
    const baseline = fit(rows).model;
    try {
      proto.standardErrors = 'bogus';
      proto.l2 = 1e9;
      proto.alertBand = 'bogus';
      const fitted = fit(rows).model;
      expect(fitted.weights).toEqual(baseline.weights);
      expect(() => createSession({ channel: 'chat' })).not.toThrow();
    } finally {
      delete proto.standardErrors;
      delete proto.l2;
      delete proto.alertBand;
    }
  });
});

describe('drift (issue 15, items 6 and 17)', () => {
  it('a binary flag from 5 % to 50 % and intent from 3.4 % to 35.5 % are major shifts, not "stable"', () => {
    const flag = (share: number, n = 1000): number[] => Array.from({ length: n }, (_, i) => (i < share * n ? 1 : 0));
    expect(psi(flag(0.05), flag(0.5)).verdict).toBe('major');
    expect(psi(flag(0.05), flag(0.05)).psi).toBeCloseTo(0, 12);
    // A sparse continuous signal: most rows 0, the rest spread out.
    const sparse = (share: number): number[] => Array.from({ length: 1000 }, (_, i) => (i < share * 1000 ? 0.5 + (i % 50) / 100 : 0));
    expect(psi(sparse(0.034), sparse(0.355)).verdict).toBe('major');
    // A reference that never varies still sees a current sample that does.
    expect(psi(flag(0), flag(0.3)).verdict).toBe('major');

    const text = (share: number): { channel: string; text: string }[] =>
      Array.from({ length: 400 }, (_, i) => ({ channel: 'chat', text: i < share * 400 ? '我要投诉，太差了' : '你好，我想查一下订单' }));
    const report = drift(defaultModel, text(0.034), text(0.355));
    const intent = report.columns.find((c) => c.column === 'intent');
    expect(intent?.verdict).toBe('major');
  });

  it('an empty reference or current sample is named: a RangeError from drift(), exit 1 from the CLI', async () => {
    expect(() => drift(defaultModel, [], [{ channel: 'phone' }])).toThrow(/reference sample: it is empty/);
    expect(() => drift(defaultModel, [{ channel: 'phone' }], [])).toThrow(/current sample: it is empty/);
    const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-drift-'));
    const empty = join(dir, 'empty.csv');
    const full = join(dir, 'full.csv');
    writeFileSync(empty, 'channel,waitSeconds\n');
    writeFileSync(full, 'channel,waitSeconds\nphone,30\nchat,90\n');
    const noReference = await runCliWith(['evaluate', full, '--drift', empty, '--quiet']);
    expect(noReference.code).toBe(1);
    expect(noReference.stderr).toMatch(/cannot compute drift: .*empty\.csv has no rows \(the reference, --drift sample\)/);
    const noCurrent = await runCliWith(['evaluate', empty, '--drift', full, '--quiet']);
    expect(noCurrent.code).toBe(1);
    expect(noCurrent.stderr).toMatch(/empty\.csv has no rows \(the current sample\)/);
  });
});
