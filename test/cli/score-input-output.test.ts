import { afterAll, describe, expect, it } from 'vitest';
import { tempFiles } from '../support/temp-files.js';
import { runCliWith } from '../support/run-cli.js';
import { csvRows } from '../../src/cli/csv-rows.js';
import { Readable } from 'node:stream';
import { createScorer, defaultModel, parseModel } from '../../src/index.js';

const temp = tempFiles('complaint-risk-score-io-');
afterAll(() => temp.remove());
const file = temp.write;
const jsonLines = (stdout: string): Record<string, unknown>[] =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const scorer = createScorer();

describe('score: ids and --keep pass through, never scored', () => {
  it('copies a string or number id to the front of its result or error, and --keep keys after it', async () => {
    const input = [
      JSON.stringify({ id: 'T-1', ticket: 'K-9', agent: { name: 'Li' }, channel: 'phone', waitSeconds: 540, text: '我要投诉' }),
      JSON.stringify({ id: 7, channel: 'fax' }),
      JSON.stringify({ id: ['no'], channel: 'phone' }),
      JSON.stringify({ channel: 'chat' }),
    ].join('\n');
    const run = await runCliWith(['score', '-', '--keep', 'ticket,agent'], input);
    expect(run.code).toBe(1);
    const [first, second, third, fourth] = jsonLines(run.stdout);
    expect(Object.keys(first as object).slice(0, 4)).toEqual(['id', 'ticket', 'agent', 'probability']);
    expect(first).toMatchObject({ id: 'T-1', ticket: 'K-9', agent: { name: 'Li' } });
    // The same result as scoring the interaction without the pass-through keys.
    const { id: _id, ticket: _t, agent: _a, ...result } = first as Record<string, unknown>;
    expect(result).toEqual(JSON.parse(JSON.stringify(scorer.score({ channel: 'phone', waitSeconds: 540, text: '我要投诉' }))));
    expect(second).toMatchObject({ id: 7, line: 2, error: { issues: [{ path: 'channel' }] } });
    expect(third).toMatchObject({ line: 3, error: { issues: [{ path: 'id', code: 'invalid_id' }] } });
    expect(third).not.toHaveProperty('id');
    expect(Object.keys(fourth as object)[0]).toBe('probability');
  });

  it('refuses --keep of an interaction field, the id, an output key or a forbidden name', async () => {
    for (const keep of ['channel', 'waitSeconds', '渠道', 'wait_seconds', 'id', 'probability', 'line', '__proto__', 'a,a', ',']) {
      const run = await runCliWith(['score', '-', '--keep', keep], '{"channel":"phone"}');
      expect(run.code, keep).toBe(2);
      expect(run.stderr).toMatch(/--keep/);
    }
  });
});

describe('score: CSV and TSV in, with the header names fit reads', () => {
  it('reads Chinese and English headers, an id column, quoted cells and empty cells as absent signals', async () => {
    const csv = file('zh.csv', '编号,id,渠道,等待秒数,客户原话,未解决,tier\r\n1,T-1,电话,540,"我要投诉，""马上""",是,gold\r\n2,T-2,在线,,"",否,\r\n');
    const tiered = parseModel({
      ...defaultModel,
      features: [...defaultModel.features, { id: 'tier', kind: 'attribute', name: 'tier', type: 'category', levels: ['gold'] }],
      weights: { ...defaultModel.weights, 'tier.gold': 0.5 },
      reference: { values: { ...defaultModel.reference.values, 'tier.gold': 0 } },
    });
    const modelFile = file('tiered.json', JSON.stringify(tiered));
    const run = await runCliWith(['score', csv, '--model', modelFile]);
    expect(run.code).toBe(0);
    const [a, b] = jsonLines(run.stdout);
    const withTier = createScorer(tiered);
    expect(a).toEqual({ id: 'T-1', ...JSON.parse(JSON.stringify(withTier.score({ channel: '电话', waitSeconds: 540, text: '我要投诉，"马上"', unresolved: true, attributes: { tier: 'gold' } }))) });
    expect(b).toEqual({ id: 'T-2', ...JSON.parse(JSON.stringify(withTier.score({ channel: '在线', unresolved: false }))) });
    // 编号 names no field and no feature reads it: left out, and said so once.
    expect(run.stderr).toMatch(/columns no feature reads, left out: 编号/);
  });

  it('reads TSV (tabs split, no quoting) from a .tsv file or --input-format tsv', async () => {
    const tsv = 'channel\twait\ttext\nphone\t600\t等了很久, 还是没人处理\nchat\t\tthanks\n';
    const fromFile = await runCliWith(['score', file('rows.tsv', tsv)]);
    const fromStdin = await runCliWith(['score', '-', '--input-format', 'tsv'], tsv);
    expect(fromFile.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    const [a] = jsonLines(fromFile.stdout);
    expect(a).toEqual(JSON.parse(JSON.stringify(scorer.score({ channel: 'phone', waitSeconds: 600, text: '等了很久, 还是没人处理' }))));
  });

  it('reports a row with the wrong number of fields in its place and goes on', async () => {
    const run = await runCliWith(['score', file('short.csv', 'channel,wait\nphone,10\nphone\nchat,5\n')]);
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ line: 3, error: { issues: [{ code: 'wrong_field_count' }] } });
  });
});

describe('score: --channel and --default-channel for exports without the column', () => {
  it('refuses a CSV without a channel column in one message, before printing anything', async () => {
    const csv = file('nochannel.csv', 'wait,text\n60,hi\n30,bye\n');
    const run = await runCliWith(['score', csv]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.match(/no channel column/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/--channel NAME/);
    const given = await runCliWith(['score', csv, '--channel', '电话']);
    expect(given.code).toBe(0);
    expect(jsonLines(given.stdout)[0]).toEqual(JSON.parse(JSON.stringify(scorer.score({ channel: 'phone', waitSeconds: 60, text: 'hi' }))));
  });

  it('--default-channel fills only rows without one; --channel replaces every row’s', async () => {
    const input = '{"waitSeconds":60}\n{"channel":"chat","waitSeconds":60}\n';
    const filled = jsonLines((await runCliWith(['score', '-', '--default-channel', 'email'], input)).stdout);
    const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
    expect(filled).toEqual([plain(scorer.score({ channel: 'email', waitSeconds: 60 })), plain(scorer.score({ channel: 'chat', waitSeconds: 60 }))]);
    const replaced = jsonLines((await runCliWith(['score', '-', '--channel', 'email'], input)).stdout);
    expect(replaced[1]).toEqual(replaced[0]);
    expect((await runCliWith(['score', '-', '--channel', 'fax'], input)).code).toBe(2);
    expect((await runCliWith(['score', '-', '--channel', 'phone', '--default-channel', 'chat'], input)).code).toBe(2);
  });

  it('says once on stderr when no JSONL row has a channel, beside the errors in place', async () => {
    const run = await runCliWith(['score', '-'], '{"waitSeconds":1}\n{"waitSeconds":2}\n{"waitSeconds":3}\n');
    expect(run.code).toBe(1);
    expect(jsonLines(run.stdout)).toHaveLength(3);
    expect(run.stderr.match(/no row of standard input has a channel/g)).toHaveLength(1);
    const some = await runCliWith(['score', '-'], '{"waitSeconds":1}\n{"channel":"phone"}\n');
    expect(some.stderr).not.toMatch(/no row/);
  });

  it('names a file with a line break in its name escaped in that message, on one line', async () => {
    const named = file('rows\nforged line.jsonl', '{"waitSeconds":1}\n');
    const run = await runCliWith(['score', named, '--jobs', '1']);
    const said = run.stderr.split('\n').filter((l) => l.includes('has a channel'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('rows\\u000aforged line.jsonl');
  });
});

describe('score: output forms', () => {
  const rows = [
    JSON.stringify({ id: 'T-1', channel: 'phone', waitSeconds: 540, unresolved: true, repeatContacts: 2, text: '我要投诉，等了半小时' }),
    JSON.stringify({ id: '=cmd|"/c calc"!A1', channel: 'chat', text: '@SUM(1+1) and -2+3' }),
    '{"channel": "fax"}',
  ].join('\n');

  it('--compact: probability, band and the top factors as {id, contribution}, at most a third of the full size', async () => {
    const full = await runCliWith(['score', '-'], rows);
    const compact = await runCliWith(['score', '-', '--compact']);
    const compactRun = await runCliWith(['score', '-', '--compact'], rows);
    expect(compact.code).toBe(0);
    expect(compactRun.code).toBe(1);
    const [a, , c] = jsonLines(compactRun.stdout);
    const fullA = jsonLines(full.stdout)[0] as { probability: number; band: string; factors: { id: string; contribution: number }[] };
    expect(a).toEqual({ id: 'T-1', probability: fullA.probability, band: fullA.band, factors: fullA.factors.slice(0, 3).map((f) => ({ id: f.id, contribution: f.contribution })) });
    expect(c).toEqual(jsonLines(full.stdout)[2]); // errors as in full JSON
    // Size on scored rows (an error line is the same in both forms).
    const scoredRows = rows.split('\n').slice(0, 2).join('\n');
    const sizes = await Promise.all([['score', '-'], ['score', '-', '--compact']].map(async (args) => (await runCliWith(args, scoredRows)).stdout.length));
    expect((sizes[1] as number) * 3).toBeLessThanOrEqual(sizes[0] as number);
    const top1 = jsonLines((await runCliWith(['score', '-', '--compact', '--top', '1'], rows)).stdout)[0] as { factors: unknown[] };
    expect(top1.factors).toHaveLength(1);
  });

  it('--top N cuts the factors of full JSON too (default: all of them, as before)', async () => {
    const all = jsonLines((await runCliWith(['score', '-'], rows)).stdout)[0] as { factors: unknown[] };
    const two = jsonLines((await runCliWith(['score', '-', '--top', '2'], rows)).stdout)[0] as { factors: unknown[] };
    expect(all.factors.length).toBeGreaterThan(2);
    expect(two.factors).toEqual(all.factors.slice(0, 2));
  });

  it('--format csv: a header, one row per input row, cells a spreadsheet cannot run as formulas', async () => {
    const run = await runCliWith(['score', '-', '--format', 'csv', '--top', '2', '--lang', 'zh'], rows);
    expect(run.code).toBe(1);
    const parsed: string[][] = [];
    for await (const { fields } of csvRows(Readable.from([run.stdout]))) parsed.push(fields);
    expect(parsed[0]).toEqual(['line', 'id', 'probability', 'band', 'factor_1', 'contribution_1', 'reason_1', 'factor_2', 'contribution_2', 'reason_2', 'error']);
    expect(parsed).toHaveLength(4);
    for (const row of parsed) expect(row).toHaveLength(11);
    const first = parsed[1] as string[];
    const full = jsonLines((await runCliWith(['score', '-'], rows)).stdout)[0] as { probability: number; factors: { id: string; contribution: number; reason: { zh: string } }[] };
    expect(first.slice(0, 7)).toEqual(['1', 'T-1', String(full.probability), 'critical', full.factors[0]?.id, String(full.factors[0]?.contribution), full.factors[0]?.reason.zh]);
    // Text from the input that would start a formula is made text with a leading quote; our own numbers stay numbers.
    const second = parsed[2] as string[];
    expect(second[1]).toBe(`'=cmd|"/c calc"!A1`);
    for (const row of parsed) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/);
    expect(run.stdout.split('\r\n').every((line) => !/(^|,)[=+@]/.test(line))).toBe(true);
    expect(parsed[3]?.[10]).toMatch(/unknown channel "fax"/);
    expect(Number((parsed[1] as string[])[5])).toBe(full.factors[0]?.contribution);
  });

  it('refuses --compact with another format and unknown formats', async () => {
    expect((await runCliWith(['score', '-', '--compact', '--format', 'csv'], rows)).code).toBe(2);
    expect((await runCliWith(['score', '-', '--format', 'xml'], rows)).code).toBe(2);
    expect((await runCliWith(['score', '-', '--input-format', 'xlsx'], rows)).code).toBe(2);
  });
});
