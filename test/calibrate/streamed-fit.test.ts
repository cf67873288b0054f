import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crossValidate, crossValidateDesign, fit, fitDesign, FitDataBuilder, type FitOptions, type LabeledRecord } from '../../src/calibrate.js';
import { createScorer, parseModel, type Model } from '../../src/index.js';
import { runCliWith } from '../support/run-cli.js';
import { syntheticData } from '../support/synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-streamed-fit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every weight, the intercept and every learned term of two models agree to `tolerance`. */
function expectSameModel(a: Model, b: Model, tolerance = 1e-9): void {
  expect(Object.keys(a.weights).sort()).toEqual(Object.keys(b.weights).sort());
  for (const [column, weight] of Object.entries(a.weights)) expect(Math.abs(weight - (b.weights[column] as number)), column).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(a.intercept - b.intercept)).toBeLessThanOrEqual(tolerance);
  expect(a.reference.values).toEqual(b.reference.values);
  expect(a.features.map((f) => f.id)).toEqual(b.features.map((f) => f.id));
  const terms = (m: Model) => m.features.flatMap((f) => (f.kind === 'terms' ? f.terms : []));
  expect(terms(a)).toEqual(terms(b));
}

const { records } = syntheticData(3_000, 11);
// Some rows weighted, a category attribute whose levels come from the data, a numeric one with gaps.
const weighted: LabeledRecord[] = records.map((r, i) => ({ ...r, ...(i % 7 === 0 ? { weight: 2.5 } : {}) }));
const options: FitOptions = {
  extraFeatures: [
    { id: 'tier', kind: 'attribute', name: 'tier', type: 'category' },
    { id: 'tenureYears', kind: 'attribute', name: 'tenureYears', type: 'number' },
  ],
  terms: { l2: 4 },
};

describe('fitting from streamed, typed data (FitDataBuilder, fitDesign)', () => {
  it('rows added one at a time give the model fit(records) gives, learned terms, weights and data-made levels included', () => {
    const builder = new FitDataBuilder(options);
    for (const record of weighted) expect(builder.add(record)).toBeUndefined();
    const data = builder.finish();
    // No record object is kept: the data is typed arrays and the candidate terms' names.
    expect(data.design.x).toBeInstanceOf(Float64Array);
    expect(data.labels).toBeInstanceOf(Uint8Array);
    expect(data.weights).toBeInstanceOf(Float64Array);
    const streamed = fitDesign(data);
    const whole = fit(weighted, options);
    expectSameModel(streamed.model, whole.model);
    expect(streamed.model.features.find((f) => f.id === 'tier')).toMatchObject({ levels: expect.any(Array), referenceLevel: expect.any(String) });
    expect(streamed.model.features.some((f) => f.kind === 'terms')).toBe(true);
    // And the model scores its training rows as the fit said.
    const scorer = createScorer(parseModel(JSON.parse(JSON.stringify(streamed.model))));
    for (const i of [0, 1, 2, 500, 2999]) {
      const { label: _l, weight: _w, ...interaction } = weighted[i] as LabeledRecord;
      expect(Math.abs(scorer.score(interaction).probability - (streamed.probabilities[i] as number))).toBeLessThan(1e-12);
    }
  });

  it('a bad row is returned by add, counted, and finish refuses the data naming it', () => {
    const builder = new FitDataBuilder();
    expect(builder.add({ channel: 'fax', label: 1 })?.[0]?.path).toBe('channel');
    expect(builder.add({ channel: 'phone', label: 'maybe' })?.[0]?.path).toBe('label');
    expect(builder.add({ channel: 'phone', label: 0 })).toBeUndefined();
    expect(() => builder.finish()).toThrow(/2 invalid rows/);
  });

  it('cross-validation on the typed data gives crossValidate’s out-of-fold probabilities', () => {
    const plain: FitOptions = { terms: { l2: 4 } };
    const builder = new FitDataBuilder(plain);
    for (const record of records) builder.add(record);
    const data = builder.finish();
    fitDesign(data); // the full fit first, as the CLI does: it must not change what the folds see
    const typed = crossValidateDesign(data, { folds: 3 });
    const whole = crossValidate(records, { ...plain, folds: 3 });
    for (let i = 0; i < records.length; i++) expect(Math.abs((typed.outOfFold[i] as number) - (whole.outOfFold[i] as number))).toBeLessThan(1e-9);
    expect(typed.mean.auc).toBeCloseTo(whole.mean.auc, 9);
  });
});

describe('complaint-risk fit reads rows into typed columns as it goes', () => {
  const jsonl = join(dir, 'history.jsonl');
  writeFileSync(jsonl, weighted.map(({ label, ...r }) => JSON.stringify({ ...r, complained: label })).join('\n') + '\n');

  it('writes the model fit(records) gives on the same rows (within 1e-9)', async () => {
    const out = join(dir, 'model.json');
    const run = await runCliWith(['fit', jsonl, '--label', 'complained', '--out', out, '--cv', '0', '--attribute', 'tier', '--attribute', 'tenureYears', '--terms-l2', '4', '--id', 'same', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as Model;
    // The CLI guesses tier's type (text: a category) and tenureYears' (a number) from the values.
    const library = fit(weighted, { ...options, constantColumns: 'keepPrior', id: 'same' }).model;
    expectSameModel(written, library);
  });

  it('reports every bad row by its line (the first 20 shown, all counted) and writes nothing', async () => {
    const lines = weighted.slice(0, 400).map(({ label, ...r }, i) => JSON.stringify({ ...r, complained: label, ...(i % 3 === 1 ? { waitSeconds: -1 } : {}) }));
    lines.splice(10, 0, '{not json');
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, lines.join('\n') + '\n');
    const out = join(dir, 'never.json');
    const run = await runCliWith(['fit', bad, '--label', 'complained', '--out', out, '--cv', '0', '--quiet']);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    const shown = run.stderr.split('\n').filter((l) => /^line \d+:/.test(l));
    expect(shown).toHaveLength(20);
    expect(shown[0]).toMatch(/^line 2: waitSeconds: /);
    expect(shown).toContain('line 11: invalid JSON: ' + shown.find((l) => l.startsWith('line 11:'))?.slice('line 11: invalid JSON: '.length));
    // 133 rows with a negative wait, one line that is no JSON.
    expect(run.stderr).toMatch(/^134 invalid rows: fix or remove them/m);
    expect(run.stderr).toMatch(/^… and 114 more$/m);
  });
});
