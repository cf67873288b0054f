import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScorer, parseModel } from '../../src/index.js';
import { runCliWith } from '../support/run-cli.js';
import { syntheticData } from '../support/synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-cli-'));
const csv = join(dir, 'history.csv');
const jsonl = join(dir, 'history.jsonl');

function quote(v: unknown): string {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

beforeAll(() => {
  const { records } = syntheticData(3_000, 5);
  const rows = records.map((r) =>
    [r.channel, r.waitSeconds, r.repeatContacts, r.transfers, r.unresolved ? 'yes' : 'no', r.priorComplaints, r.text, r.attributes?.tier, r.label ? 1 : 0].map(quote).join(','),
  );
  writeFileSync(csv, ['channel,wait_seconds,repeat_contacts,transfers,unresolved,prior_complaints,text,tier,complained', ...rows].join('\r\n') + '\r\n');
  writeFileSync(jsonl, records.map(({ label, ...r }) => JSON.stringify({ ...r, complained: label })).join('\n') + '\n');
});

describe('complaint-risk fit / evaluate', () => {
  it('fits a CSV into a model file and a self-contained HTML report, with progress on stderr', async () => {
    const out = join(dir, 'model.json');
    const report = join(dir, 'report.html');
    const run = await runCliWith(['fit', csv, '--label', 'complained', '--out', out, '--report', report, '--attribute', 'tier', '--cv', '3', '--high', 'capacity:100/1000']);
    expect(run.stderr).toMatch(/iteration 1: largest gradient/);
    // The CSV has no other extra column than tier, which --attribute names.
    expect(run.stderr).not.toMatch(/left out/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/3-fold cross-validated: AUC 0\.\d+/);
    const model = parseModel(readFileSync(out, 'utf8'));
    expect(model.features.some((f) => f.id === 'tier')).toBe(true);
    expect(model.bands.high).toBeGreaterThan(model.bands.medium);
    createScorer(model).score({ channel: 'phone', waitSeconds: 300, attributes: { tier: 'gold' } });
    const html = readFileSync(report, 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(html).toMatch(/ROC AUC/);
  });

  it('evaluates JSONL with a model, with text and JSON output and drift against a reference', async () => {
    const out = join(dir, 'model-jsonl.json');
    const fitted = await runCliWith(['fit', jsonl, '--label', 'complained', '--out', out, '--cv', '0', '--quiet']);
    // Without --attribute the CSV's tier column is read by no feature: left out, and said so.
    const plain = await runCliWith(['fit', csv, '--label', 'complained', '--out', join(dir, 'plain.json'), '--cv', '0']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/columns no feature reads, left out: tier/);
    expect(fitted.code).toBe(0);
    expect(fitted.stderr).toBe('');
    const text = await runCliWith(['evaluate', '--model', out, jsonl, '--label', 'complained', '--quiet']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/ROC AUC\s+0\.\d+\s+95% CI/);
    expect(text.stdout).toMatch(/riskiest/);
    const json = await runCliWith(['evaluate', '--model', out, jsonl, '--label', 'complained', '--json', '--quiet', '--drift', jsonl]);
    const report = JSON.parse(json.stdout);
    expect(report.rows).toBe(3_000);
    expect(report.drift.score.verdict).toBe('stable');
    expect(report.reliability.length).toBeGreaterThan(2);
  });

  it('reports drift alone for an unlabelled current sample', async () => {
    const out = join(dir, 'model-drift.json');
    expect((await runCliWith(['fit', csv, '--label', 'complained', '--out', out, '--cv', '0', '--quiet'])).code).toBe(0);
    const current = join(dir, 'current.csv');
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    // This month: no label column yet, and every wait six times longer.
    const shifted = lines.slice(1).map((line) => {
      const cells = line.split(',');
      cells[1] = String(Number(cells[1]) * 6);
      return cells.slice(0, 2).join(',');
    });
    writeFileSync(current, ['channel,waitSeconds', ...shifted].join('\n') + '\n');
    const run = await runCliWith(['evaluate', '--model', out, current, '--label', 'complained', '--drift', csv]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/drift only/);
    expect(run.stdout).toMatch(/drift: score PSI \d\.\d+ \(major\)/);
    expect(run.stdout).toMatch(/wait: PSI \d\.\d+ \(major\)/);
  });

  it('names bad rows by file line and writes nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'channel,waitSeconds,complained\nphone,30,1\nfax,10,0\nchat,abc,maybe\nchat,3\n');
    const run = await runCliWith(['fit', bad, '--label', 'complained', '--out', join(dir, 'never.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 5: 2 fields where the header has 3/);
    const typed = join(dir, 'bad2.csv');
    writeFileSync(typed, 'channel,waitSeconds,complained\nphone,30,1\nfax,10,0\nchat,abc,maybe\n');
    const again = await runCliWith(['fit', typed, '--label', 'complained', '--out', join(dir, 'never.json')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/line 3: channel: unknown channel "fax"/);
    expect(again.stderr).toMatch(/line 4: .*label must be/);
    expect(again.stderr).toMatch(/2 invalid rows/);
  });

  it('explains usage mistakes and has --help', async () => {
    expect((await runCliWith(['fit', csv, '--out', 'x.json'])).code).toBe(2);
    expect((await runCliWith(['fit', csv, '--label', 'nope', '--out', 'x.json'])).stderr).toMatch(/no column "nope"/);
    expect((await runCliWith(['fit', csv, '--label', 'complained', '--out', 'x.json', '--high', 'recall'])).stderr).toMatch(/--high must be recall:R/);
    const help = await runCliWith(['fit', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--label COLUMN/);
    expect((await runCliWith(['evaluate', '--help'])).stdout).toMatch(/--drift FILE/);
  });
});
