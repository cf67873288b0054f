import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliWith } from '../support/run-cli.js';
import { syntheticData } from '../support/synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-fit-channel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const noChannelCsv = join(dir, 'no-channel.csv');
const noChannelJsonl = join(dir, 'no-channel.jsonl');
const withChannelCsv = join(dir, 'with-channel.csv');

beforeAll(() => {
  const { records } = syntheticData(3_000, 3);
  const quote = (v: unknown): string => (v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const cells = (r: (typeof records)[number]): unknown[] => [r.waitSeconds, r.repeatContacts, r.unresolved ? 1 : 0, r.text, r.label ? 1 : 0];
  writeFileSync(noChannelCsv, ['wait_seconds,repeat_contacts,unresolved,text,complained', ...records.map((r) => cells(r).map(quote).join(','))].join('\n') + '\n');
  writeFileSync(withChannelCsv, ['channel,wait_seconds,repeat_contacts,unresolved,text,complained', ...records.map((r) => ['phone', ...cells(r)].map(quote).join(','))].join('\n') + '\n');
  writeFileSync(noChannelJsonl, records.map(({ label, channel: _c, ...r }) => JSON.stringify({ ...r, complained: label })).join('\n') + '\n');
});

describe('fit and evaluate: --channel for exports without the column', () => {
  it('refuse a file in which no row has a channel in one message, writing nothing', async () => {
    for (const file of [noChannelCsv, noChannelJsonl]) {
      const out = join(dir, `refused-${file.endsWith('.csv') ? 'csv' : 'jsonl'}.json`);
      const run = await runCliWith(['fit', file, '--label', 'complained', '--out', out, '--cv', '0']);
      expect(run.code).toBe(2);
      // One message (and the pointer to --help), not one per row.
      expect(run.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
      expect(run.stderr).toMatch(/--channel NAME/);
      expect(run.stderr).not.toMatch(/^line \d+:/m);
      expect(existsSync(out)).toBe(false);
    }
    const evaluate = await runCliWith(['evaluate', noChannelCsv, '--label', 'complained']);
    expect(evaluate.code).toBe(2);
    expect(evaluate.stderr).toMatch(/no channel column/);
  });

  it('--channel phone fits the same model as a file whose channel column says phone', async () => {
    const given = join(dir, 'given.json');
    const stated = join(dir, 'stated.json');
    const a = await runCliWith(['fit', noChannelCsv, '--label', 'complained', '--out', given, '--cv', '0', '--quiet', '--channel', 'phone', '--id', 'm']);
    const b = await runCliWith(['fit', withChannelCsv, '--label', 'complained', '--out', stated, '--cv', '0', '--quiet', '--id', 'm']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const evaluated = await runCliWith(['evaluate', '--model', given, noChannelJsonl, '--label', 'complained', '--default-channel', '电话', '--quiet']);
    expect(evaluated.code).toBe(0);
    expect(evaluated.stdout).toMatch(/ROC AUC\s+0\.\d+/);
  });
});

describe('fit and evaluate: progress on standard error', () => {
  it('--progress prints plain progress lines for reading (the columns are built as rows are read) and the solver; stdout is unchanged; --quiet prints nothing', async () => {
    const out = join(dir, 'progress.json');
    const plain = await runCliWith(['fit', withChannelCsv, '--label', 'complained', '--out', out, '--cv', '0', '--id', 'p']);
    const withProgress = await runCliWith(['fit', withChannelCsv, '--label', 'complained', '--out', out, '--cv', '0', '--id', 'p', '--progress']);
    expect(withProgress.code).toBe(0);
    expect(withProgress.stdout).toBe(plain.stdout);
    expect(withProgress.stderr).toMatch(/^fit: reading: 1,000 rows · .* rows\/s · \d+% · ETA/m);
    expect(withProgress.stderr).toMatch(/^iteration \d+: largest gradient/m);
    expect(plain.stderr).not.toMatch(/fit: reading/);
    const quiet = await runCliWith(['fit', withChannelCsv, '--label', 'complained', '--out', out, '--cv', '0', '--id', 'p', '--progress', '--quiet']);
    expect(quiet.stderr).toBe('');
    const evaluated = await runCliWith(['evaluate', '--model', out, withChannelCsv, '--label', 'complained', '--progress']);
    expect(evaluated.stderr).toMatch(/^evaluate: reading: 1,000 rows/m);
  });
});
