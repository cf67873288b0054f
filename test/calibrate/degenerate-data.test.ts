import { describe, expect, it } from 'vitest';
import { fit, fitLogisticMatrix, DegenerateDataError, InvalidRecordsError, type LabeledRecord } from '../../src/calibrate.js';
import { syntheticData } from '../support/synthetic.js';

// Numeric signals only: these tests are about the solver, not the words (learned terms are off).
const FEATURES = { features: ['wait', 'unresolved', 'repeatContacts'], terms: false } as const;

describe('degenerate and invalid data', () => {
  it('refuses a single class', () => {
    const records: LabeledRecord[] = [
      { channel: 'phone', waitSeconds: 10, unresolved: true, repeatContacts: 1, label: 0 },
      { channel: 'phone', waitSeconds: 50, unresolved: false, repeatContacts: 0, label: 0 },
    ];
    expect(() => fit(records, FEATURES)).toThrow(/only one class .*no positive/);
  });

  it('names every invalid row by index and drops none', () => {
    const records = [
      { channel: 'phone', waitSeconds: 10, label: 1 },
      { channel: 'phone', waitSeconds: Number.NaN, label: 0 },
      { channel: 'fax', label: 0 },
      { channel: 'chat', label: 'yes' },
      { channel: 'chat', label: 1, weight: -1 },
    ] as unknown as LabeledRecord[];
    let error: unknown;
    try {
      fit(records, FEATURES);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRecordsError);
    const rows = (error as InvalidRecordsError).rows;
    expect(rows.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(rows[0]?.issues[0]?.path).toBe('waitSeconds');
    expect(rows[2]?.issues[0]?.path).toBe('label');
    expect(rows[3]?.issues[0]?.path).toBe('weight');
    expect((error as Error).message).toMatch(/^4 invalid rows/);
  });

  it('refuses a constant feature when asked to, naming it; by default keeps its prior', () => {
    const data = syntheticData(500, 3);
    const records = data.records.map((r) => ({ ...r, unresolved: true }));
    expect(() => fit(records, { ...FEATURES, constantColumns: 'error' })).toThrow(/constant column "unresolved"/);
    expect(fit(records, FEATURES).report.notFitted).toEqual(['unresolved']);
  });

  it('names a collinear column when unpenalised, and splits it finitely with the default L2', () => {
    const data = syntheticData(1_500, 3);
    const records = data.records.map((r, i) => ({ ...r, attributes: { a: (i % 7) * 1e6 + 5e7, b: (i % 7) * 1e6 + 5e7 } }));
    const extraFeatures = [
      { id: 'a', kind: 'attribute' as const, name: 'a', type: 'number' as const },
      { id: 'b', kind: 'attribute' as const, name: 'b', type: 'number' as const },
    ];
    expect(() => fit(records, { ...FEATURES, extraFeatures, l2: 0 })).toThrow(/"b" is collinear with other columns/);
    const { model } = fit(records, { ...FEATURES, extraFeatures });
    expect(model.weights.a).toBeCloseTo(model.weights.b as number, 12);
    expect(() => fit([], FEATURES)).toThrow(/no records/);
  });

  it('refuses non-finite column values in a prebuilt matrix', () => {
    const x = Float64Array.from([1, 2, Number.NaN, 4]);
    expect(() => fitLogisticMatrix(x, 4, 1, [0, 1, 0, 1], { columnNames: ['balance'] })).toThrow(/row 2: balance is not a finite number/);
  });

  it('gives finite weights on perfectly separable data with the default L2, and refuses it with l2 = 0', () => {
    const records: LabeledRecord[] = [];
    for (let i = 0; i < 200; i++) {
      const unresolved = i % 2 === 0;
      records.push({ channel: 'phone', waitSeconds: 5 + (i % 17), repeatContacts: i % 3, unresolved, label: unresolved });
    }
    const { model, report } = fit(records, FEATURES);
    expect(report.converged).toBe(true);
    for (const w of Object.values(model.weights)) expect(Number.isFinite(w)).toBe(true);
    expect(model.weights.unresolved).toBeGreaterThan(3);
    expect(() => fit(records, { ...FEATURES, l2: 0 })).toThrow(DegenerateDataError);
  });

  it('a record weight of 2 equals the record twice; balanced class weights equalise the classes', () => {
    const data = syntheticData(1_500, 4);
    const records = data.records;
    const weighted = records.map((r, i) => (i % 3 === 0 ? { ...r, weight: 2 } : r));
    const duplicated = [...records, ...records.filter((_, i) => i % 3 === 0)];
    const a = fit(weighted, FEATURES);
    const b = fit(duplicated, FEATURES);
    for (const column of Object.keys(a.model.weights)) expect(a.model.weights[column]).toBeCloseTo(b.model.weights[column] as number, 8);
    expect(a.model.intercept).toBeCloseTo(b.model.intercept, 8);

    const balanced = fit(records, { ...FEATURES, classWeight: 'balanced' });
    const { positive, negative } = balanced.report.classWeights;
    expect(positive * balanced.report.positives).toBeCloseTo(negative * balanced.report.negatives, 6);
    // Equal class weight moves the average prediction towards ½.
    const mean = balanced.probabilities.reduce((s, p) => s + p, 0) / records.length;
    expect(mean).toBeGreaterThan(0.4);
  });
});

describe('robust standard errors', () => {
  it('match the model-based ones on a correctly specified unweighted fit, and are used with class weights', () => {
    const data = syntheticData(20_000, 6);
    const model = fit(data.records, { baseModel: data.truth });
    const robust = fit(data.records, { baseModel: data.truth, standardErrors: 'robust' });
    expect(model.report.standardErrors).toBe('model');
    expect(robust.report.standardErrors).toBe('robust');
    model.report.weights.forEach((w, j) => {
      const r = robust.report.weights[j] as (typeof robust.report.weights)[number];
      expect(r.estimate).toBe(w.estimate);
      expect(r.standardError / w.standardError).toBeGreaterThan(0.85);
      expect(r.standardError / w.standardError).toBeLessThan(1.15);
    });
    const balanced = fit(data.records, { baseModel: data.truth, classWeight: 'balanced' });
    expect(balanced.report.standardErrors).toBe('robust');
    for (const w of balanced.report.weights) expect(Number.isFinite(w.standardError) && w.standardError > 0).toBe(true);
  });
});
