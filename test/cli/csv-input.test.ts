import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecords } from '../../src/cli/read-records.js';
import { decimalNumber } from '../../src/cli/interaction-columns.js';
import { tableRows, tableError } from '../../src/cli/format-table.js';
import { createScorer, validateInteraction } from '../../src/index.js';
import { runCliWith } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-csv-'));

function history(n: number, sep = ','): string[] {
  const lines = [['channel', 'waitSeconds', 'text', 'complained'].join(sep)];
  for (let i = 0; i < n; i++) lines.push([i % 2 ? 'phone' : 'chat', String((i * 41) % 800), i % 3 ? 'ok' : 'still waiting', String(i % 4 === 0 ? 1 : 0)].join(sep));
  return lines;
}

describe('CSV and TSV input (issue 15, items 2, 13)', () => {
  it('a quote that never closes is an error at the line it opened, in fit and evaluate; nothing is written', async () => {
    const lines = history(21);
    lines.push('phone,30,"this quote never closes,1');
    for (let i = 0; i < 30; i++) lines.push(`chat,${i},fine,0`);
    const csv = join(dir, 'unclosed.csv');
    writeFileSync(csv, lines.join('\n') + '\n');
    const out = join(dir, 'never.json');
    const fit = await runCliWith(['fit', csv, '--label', 'complained', '--out', out, '--cv', '0']);
    expect(fit.code).toBe(1);
    expect(fit.stderr).toMatch(/line 23: a quoted field opens on line 23 and never closes/);
    expect(existsSync(out)).toBe(false);
    const evaluate = await runCliWith(['evaluate', csv, '--label', 'complained']);
    expect(evaluate.code).toBe(1);
    expect(evaluate.stderr).toMatch(/line 23: a quoted field opens/);
    const source = await readRecords(Readable.from([lines.join('\n')]), { format: 'csv', label: 'complained' });
    expect(source.records).toHaveLength(21);
    expect(source.problems).toEqual([{ line: 23, message: expect.stringMatching(/never closes/) }]);
  });

  it('.tsv files are split on tabs (quoting as in CSV); a tab-separated .csv is refused with a clear message', async () => {
    const tsv = history(40, '\t');
    tsv[3] = 'phone\t120\t"a tab\tinside, and a comma"\t1';
    const source = await readRecords(Readable.from([tsv.join('\n') + '\n']), { format: 'tsv', label: 'complained' });
    expect(source.problems).toEqual([]);
    expect(source.records[2]).toEqual({ channel: 'phone', waitSeconds: 120, text: 'a tab\tinside, and a comma', label: 1 });
    const file = join(dir, 'history.tsv');
    writeFileSync(file, tsv.join('\n') + '\n');
    const fit = await runCliWith(['fit', file, '--label', 'complained', '--out', join(dir, 'tsv-model.json'), '--cv', '0', '--quiet']);
    expect(fit.code, fit.stderr).toBe(0);
    const misnamed = join(dir, 'tabs.csv');
    writeFileSync(misnamed, tsv.join('\n') + '\n');
    const refused = await runCliWith(['fit', misnamed, '--label', 'complained', '--out', join(dir, 'x.json')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/looks like TSV/);
  });

  it('number cells are plain decimals: 0x48c, 0b11, .5e1 and Infinity stay text (and validation names the field)', async () => {
    expect([decimalNumber('12'), decimalNumber('-3.5'), decimalNumber(' 1.2E+06 '), decimalNumber('007')]).toEqual([12, -3.5, 1.2e6, 7]);
    for (const raw of ['0x48c', '0b11', '0o7', '.5e1', '5.', 'Infinity', '1e400', '', ' ', '1_000']) expect(decimalNumber(raw), raw).toBeUndefined();
    const csv = 'channel,waitSeconds,tier,complained\nphone,0x48c,0b11,1\nphone,.5e1,2.5,0\n';
    const source = await readRecords(Readable.from([csv]), { format: 'csv', label: 'complained' });
    expect(source.records[0]).toMatchObject({ waitSeconds: '0x48c', attributes: { tier: '0b11' } });
    expect(source.records[1]).toMatchObject({ waitSeconds: '.5e1', attributes: { tier: 2.5 } });
    const checked = validateInteraction({ channel: 'phone', waitSeconds: '0x48c' });
    expect(checked.ok).toBe(false);
  });
});

describe('table and timestamps (issue 15, item 14)', () => {
  it('the line number never runs into the band, however many digits it has', () => {
    const result = createScorer().score({ channel: 'phone', waitSeconds: 900, text: '我要投诉' });
    for (const line of [1, 999_999, 1_000_001, 123_456_789_012]) {
      const row = tableRows(line, result, 'en', 1);
      expect(row, String(line)).toMatch(new RegExp(`^${line} +(low|medium|HIGH|CRITICAL) `));
      expect(tableError(line, { message: 'bad', issues: [] }, 'en')).toMatch(new RegExp(`^${line} +error`));
    }
  });

  it('0000-02-29 is a valid date: year 0 is a leap year (and 0001-02-29 is not)', () => {
    expect(validateInteraction({ channel: 'phone', now: '0000-02-29', history: [{ at: '0000-02-28' }] }).ok).toBe(true);
    expect(validateInteraction({ channel: 'phone', now: '0000-02-29T10:00:00Z' }).ok).toBe(true);
    expect(validateInteraction({ channel: 'phone', now: '0001-02-29' }).ok).toBe(false);
    expect(validateInteraction({ channel: 'phone', now: '0099-02-29' }).ok).toBe(false);
    expect(validateInteraction({ channel: 'phone', now: '0096-02-29' }).ok).toBe(true);
  });
});
