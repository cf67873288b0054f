import { afterAll, describe, expect, it } from 'vitest';
import { tempFiles } from '../support/temp-files.js';
import { runCliWith } from '../support/run-cli.js';
import { createScorer, defaultModel, parseModel } from '../../src/index.js';

const temp = tempFiles('complaint-risk-explain-');
afterAll(() => temp.remove());
const file = temp.write;

const pointsModel = parseModel({ ...defaultModel, id: 'bank-scorecard', points: { base: 600, odds: 19, pdo: 50 } });
const modelFile = file('points.json', JSON.stringify(pointsModel));
const INTERACTION = { channel: 'phone', waitSeconds: 540, unresolved: true, text: '我要投诉' };

describe('explain: files of rows', () => {
  const csv = file('rows.csv', 'id,渠道,等待秒数,客户原话\nT-1,电话,540,我要投诉\nT-2,fax,10,\nT-3,chat,30,thanks\n');

  it('explains every row of a CSV, each headed by its line and id, errors in their place (exit 1)', async () => {
    const run = await runCliWith(['explain', csv]);
    expect(run.code).toBe(1);
    const blocks = run.stdout.split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^line 2 · id T-1\nComplaint risk: 64\.7% \(critical\)/);
    expect(blocks[1]).toMatch(/^line 3 · id T-2\nerror: invalid interaction: channel: unknown channel "fax"/);
    expect(blocks[2]).toMatch(/^line 4 · id T-3\nComplaint risk:/);
  });

  it('--line N picks one row; --json gives one result per line with the id first', async () => {
    const one = await runCliWith(['explain', csv, '--line', '4', '--lang', 'zh']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^line 4 · id T-3\n投诉风险:/);
    expect(one.stdout).not.toMatch(/T-1/);
    expect((await runCliWith(['explain', csv, '--line', '9'])).code).toBe(2);
    const json = await runCliWith(['explain', csv, '--json']);
    const lines = json.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ id: 'T-1', ...JSON.parse(JSON.stringify(createScorer().score({ channel: '电话', waitSeconds: 540, text: '我要投诉' }))) });
    expect(lines[1]).toMatchObject({ id: 'T-2', line: 3, error: {} });
  });

  it('reads TSV and JSONL files, CSV from standard input with --input-format, and a .json file as one interaction', async () => {
    const tsv = await runCliWith(['explain', file('rows.tsv', 'channel\ttext\nphone\t我要投诉\n')]);
    expect(tsv.stdout).toMatch(/^line 2\nComplaint risk:/);
    const jsonl = await runCliWith(['explain', file('rows.jsonl', `${JSON.stringify({ id: 9, ...INTERACTION })}\n`)]);
    expect(jsonl.stdout).toMatch(/^line 1 · id 9\n/);
    const stdin = await runCliWith(['explain', '-', '--input-format', 'csv'], 'channel,wait\nphone,900\n');
    expect(stdin.stdout).toMatch(/Waited 15 min/);
    const single = await runCliWith(['explain', file('one.json', JSON.stringify(INTERACTION, null, 2))]);
    expect(single.code).toBe(0);
    expect(single.stdout).toMatch(/^Complaint risk: /);
  });

  it('takes --channel for rows without one, and says once when no row has a channel', async () => {
    const rows = file('nochannel.jsonl', '{"waitSeconds":600}\n{"waitSeconds":30}\n');
    const missing = await runCliWith(['explain', rows]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.match(/no row of .* has a channel/g)).toHaveLength(1);
    const given = await runCliWith(['explain', rows, '--default-channel', 'phone']);
    expect(given.code).toBe(0);
    expect(given.stdout).toMatch(/Waited 10 min; phone callers/);
    expect((await runCliWith(['explain', '{"waitSeconds":600}', '--channel', 'chat'])).code).toBe(0);
    expect((await runCliWith(['explain', file('nochannel.csv', 'wait\n5\n')])).code).toBe(2);
  });

  it('an id on a single interaction is shown and echoed first in --json', async () => {
    const text = await runCliWith(['explain', JSON.stringify({ id: 'T-7', ...INTERACTION })]);
    expect(text.stdout).toMatch(/^id T-7\nComplaint risk:/);
    const json = await runCliWith(['explain', JSON.stringify({ id: 'T-7', ...INTERACTION }), '--json']);
    expect(Object.keys(JSON.parse(json.stdout) as object)[0]).toBe('id');
  });
});

describe('scorecard points in the CLI', () => {
  const result = createScorer(pointsModel).score(INTERACTION);

  it('explain shows the reference and result points and each factor’s points', async () => {
    const run = await runCliWith(['explain', JSON.stringify(INTERACTION), '--model', modelFile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`scorecard points: ${Math.round(result.reference.points as number)} → ${Math.round(result.points as number)}`);
    const intent = result.factors.find((f) => f.id === 'intent');
    expect(run.stdout).toContain(`−${Math.abs(Math.round(intent?.points as number))} pts  Explicit intent`);
    const zh = await runCliWith(['explain', JSON.stringify(INTERACTION), '--model', modelFile, '--lang', 'zh']);
    expect(zh.stdout).toMatch(/评分卡分值: \d+ → \d+/);
    // Without a points scale nothing about points is printed.
    expect((await runCliWith(['explain', JSON.stringify(INTERACTION)])).stdout).not.toMatch(/points|pts/);
  });

  it('the table has a points column, compact and CSV carry points, JSON has every factor’s points', async () => {
    const input = JSON.stringify(INTERACTION) + '\n';
    const table = await runCliWith(['score', '-', '--model', modelFile, '--format', 'table'], input);
    expect(table.stdout.split('\n')[0]).toMatch(/line\s+band\s+risk\s+points\s+top factors/);
    expect(table.stdout).toContain(String(Math.round(result.points as number)));
    expect(table.stdout).toMatch(/\(\+1\.9, −\d+ pts\)/);
    const compact = JSON.parse((await runCliWith(['score', '-', '--model', modelFile, '--compact'], input)).stdout) as { points: number; factors: { points: number }[] };
    expect(compact.points).toBe(result.points);
    expect(compact.factors[0]?.points).toBe(result.factors[0]?.points);
    const csv = (await runCliWith(['score', '-', '--model', modelFile, '--format', 'csv', '--top', '1'], input)).stdout.split('\r\n');
    expect(csv[0]).toBe('line,id,probability,band,points,factor_1,contribution_1,points_1,reason_1,error');
    expect(csv[1]?.split(',').slice(0, 8)).toEqual(['1', '', String(result.probability), result.band, String(result.points), result.factors[0]?.id, String(result.factors[0]?.contribution), String(result.factors[0]?.points)]);
    const full = JSON.parse((await runCliWith(['score', '-', '--model', modelFile], input)).stdout) as typeof result;
    expect(full).toEqual(JSON.parse(JSON.stringify(result)));
  });
});
