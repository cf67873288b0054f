import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseModel, type Model } from '../../src/index.js';
import { runCliWith } from '../support/run-cli.js';
import { domainHistory } from '../support/domain-history.js';

const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-terms-'));
const csv = join(dir, 'history.csv');
const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
writeFileSync(csv, ['渠道,客户原话,投诉', ...domainHistory(800, 3).map((r) => `${r.channel},${quote(String(r.text))},${r.label ? 1 : 0}`)].join('\n') + '\n');
const termCount = (model: Model): number => model.features.filter((f) => f.kind === 'terms').reduce((n, f) => n + (f.kind === 'terms' ? f.terms.length : 0), 0);

describe('complaint-risk fit learns terms, with the same options as the library', () => {
  it('by default, and says so', async () => {
    const out = join(dir, 'model.json');
    const run = await runCliWith(['fit', csv, '--label', '投诉', '--out', out, '--cv', '0']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/learned \d+ terms \(of \d+ in ≥ 5 rows\), l2 [\d.]+ by cross-validation/);
    expect(termCount(parseModel(readFileSync(out, 'utf8')))).toBeGreaterThan(10);
  });

  it('--no-terms, --max-terms, --min-term-records and --terms-l2', async () => {
    const none = join(dir, 'none.json');
    expect((await runCliWith(['fit', csv, '--label', '投诉', '--out', none, '--cv', '0', '--no-terms'])).code).toBe(0);
    expect(termCount(parseModel(readFileSync(none, 'utf8')))).toBe(0);
    const few = join(dir, 'few.json');
    const run = await runCliWith(['fit', csv, '--label', '投诉', '--out', few, '--cv', '0', '--max-terms', '7', '--min-term-records', '20', '--terms-l2', '3']);
    expect(run.stderr).toMatch(/learned 7 terms \(of \d+ in ≥ 20 rows\), l2 3 by option/);
    expect(termCount(parseModel(readFileSync(few, 'utf8')))).toBe(7);
  });

  it('refuses options that make no sense, naming the flag', async () => {
    for (const [args, message] of [
      [['--no-terms', '--max-terms', '5'], /--no-terms cannot go with/],
      [['--max-terms', '0'], /--max-terms must be a whole number from 1 to 20000/],
      [['--min-term-records', '1'], /--min-term-records must be a whole number from 2/],
      [['--terms-l2=-1'], /--terms-l2 must be a number > 0/],
    ] as const) {
      const run = await runCliWith(['fit', csv, '--label', '投诉', '--out', join(dir, 'x.json'), ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });
});
