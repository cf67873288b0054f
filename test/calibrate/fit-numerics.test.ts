import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DegenerateDataError, fit, fitLogisticMatrix, type LabeledRecord } from '../../src/calibrate.js';
import { runCliWith } from '../support/run-cli.js';

function records(n: number, text = false): LabeledRecord[] {
  const out: LabeledRecord[] = [];
  for (let i = 0; i < n; i++) {
    const complained = i % 5 === 0 || (i % 7 === 0 && i % 2 === 0);
    out.push({ channel: i % 2 ? 'phone' : 'chat', waitSeconds: (i * 37) % 900, repeatContacts: i % 3, ...(text ? { text: complained ? '等了很久还没解决 terrible' : 'thanks fine' } : {}), label: complained });
  }
  return out;
}

/** A refusal in words: a DegenerateDataError (CLI exit 1), never a solver's internal error or an invalid model. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(DegenerateDataError);
    expect((error as Error).message).not.toMatch(/NotPositiveDefinite|not positive definite|invalid model/);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('numerics in fit (issue 15, item 5)', () => {
  for (const text of [false, true]) {
    const kind = text ? 'with learned terms (sparse solver)' : 'dense solver';
    it(`one row weight of 1e20 or 1e308 is refused in words: the fit would rest on one record (${kind})`, () => {
      for (const w of [1e20, 1e308]) {
        const message = refusal(() => fit(records(300, text).map((r, i) => (i === 7 ? { ...r, weight: w } : r))));
        expect(message).toMatch(/effective sample of 1\.00 records: record 7 carries/);
        expect(message).toMatch(/cap the weights/);
      }
    });

    it(`weights far from 1 are rescaled exactly: all 1e300 or all 1e-300 fit as all 1 does (${kind})`, () => {
      const plain = fit(records(300, text), { l2: 0.5, terms: text ? { l2: 4 } : false });
      for (const w of [1e300, 1e-300, 2 ** -1000]) {
        const scaled = fit(records(300, text).map((r) => ({ ...r, weight: w })), { l2: 0.5 * w, terms: text ? { l2: 4 * w } : false });
        expect(scaled.model.intercept).toBeCloseTo(plain.model.intercept, 6);
        for (const [column, weight] of Object.entries(plain.model.weights)) expect(scaled.model.weights[column], column).toBeCloseTo(weight, 6);
        expect(scaled.report.warnings.join(' ')).toMatch(/row weights multiplied by 2\^/);
      }
    });

    it(`all weights 5e-324: exact with l2 = 0, a worded refusal against a penalty (${kind})`, () => {
      const tiny = records(300, text).map((r) => ({ ...r, weight: 5e-324 }));
      expect(refusal(() => fit(tiny))).toMatch(/carry no information.*rescale the weights/);
      // Without a penalty the scale of the weights does not matter: the same model, or the same refusal.
      const outcome = (rows: LabeledRecord[]): number | string => {
        try {
          return fit(rows, { l2: 0, terms: false, features: ['wait', 'repeatContacts', 'channel'] }).model.intercept;
        } catch (error) {
          return (error as Error).message;
        }
      };
      const plain = outcome(records(300, text));
      expect(typeof plain).toBe('number');
      expect(outcome(tiny)).toBeCloseTo(plain as number, 6);
    });
  }

  it('separable data with a small l2 is refused in words naming the separating column, not as an invalid model', () => {
    const separable = records(300).map((r) => ({ ...r, label: (r.waitSeconds as number) > 450 }));
    for (const l2 of [1e-6, 1e-9]) {
      const message = refusal(() => fit(separable, { l2 }));
      expect(message).toMatch(/separable.*"wait".*raise l2/);
      expect(message).not.toMatch(/use l2 > 0/);
    }
  });

  it('"use l2 > 0" is advised only when l2 is 0', () => {
    const x = new Float64Array(200);
    const y = new Uint8Array(100);
    for (let i = 0; i < 100; i++) {
      x[2 * i] = i % 2;
      x[2 * i + 1] = i % 2; // the same column twice
      y[i] = i % 3 === 0 ? 1 : 0;
    }
    const zero = refusal(() => fitLogisticMatrix(x, 100, 2, y, { l2: 0 }));
    expect(zero).toMatch(/use l2 > 0/);
  });

  it('the CLI exits 1 with the refusal, in its own flags', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-numerics-'));
    const csv = join(dir, 'weights.csv');
    const lines = ['channel,waitSeconds,w,complained'];
    records(300).forEach((r, i) => lines.push(`${r.channel},${r.waitSeconds},${i === 7 ? '1e20' : '1'},${r.label ? 1 : 0}`));
    writeFileSync(csv, lines.join('\n') + '\n');
    const out = join(dir, 'model.json');
    const heavy = await runCliWith(['fit', csv, '--label', 'complained', '--weight', 'w', '--out', out, '--cv', '0', '--quiet']);
    expect(heavy.code).toBe(1);
    expect(heavy.stderr).toMatch(/^cannot fit: the row weights leave an effective sample/);
    const separable = join(dir, 'separable.csv');
    writeFileSync(separable, ['channel,waitSeconds,complained', ...records(300).map((r) => `${r.channel},${r.waitSeconds},${(r.waitSeconds as number) > 450 ? 1 : 0}`)].join('\n') + '\n');
    const small = await runCliWith(['fit', separable, '--label', 'complained', '--l2', '0.000001', '--out', out, '--cv', '0', '--quiet']);
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(/raise --l2/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('fit() defaults and the options its messages suggest (issue 15, item 15)', () => {
  it('numeric-only records fit with the default options: constant text columns keep their prior weight and say so', () => {
    const result = fit(records(300));
    expect(result.report.notFitted).toEqual(expect.arrayContaining(['negativity', 'intent']));
    expect(result.report.warnings.join(' ')).toMatch(/prior weight kept/);
  });

  it("constantColumns: 'error' refuses, suggesting only options that exist (and they work)", () => {
    const message = refusal(() => fit(records(300), { constantColumns: 'error' }));
    for (const [, option] of message.matchAll(/constantColumns: '(\w+)' in fit\(\)/g)) expect(() => fit(records(300), { constantColumns: option as 'keepPrior' })).not.toThrow();
    expect(message).toMatch(/constantColumns: 'keepPrior' in fit\(\)/);
    expect(message).not.toMatch(/constantColumns: 'drop'(?! in fitLogisticMatrix)/);
    const x = new Float64Array(100).fill(1);
    const y = Uint8Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const matrix = refusal(() => fitLogisticMatrix(x, 100, 1, y, { constantColumns: 'error' }));
    for (const [, option] of matrix.matchAll(/constantColumns: '(\w+)' in fitLogisticMatrix\(\)/g)) expect(() => fitLogisticMatrix(x, 100, 1, y, { constantColumns: option as 'drop' })).not.toThrow();
  });
});
