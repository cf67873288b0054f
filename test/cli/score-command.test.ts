import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCliWith } from '../support/run-cli.js';

const GOOD = JSON.stringify({ channel: 'phone', waitSeconds: 540, text: '我要投诉，等了半小时' });

describe('complaint-risk score', () => {
  it('writes one line per input line, errors in place with their line number', async () => {
    const input = [GOOD, 'not json', '', '{"channel":"fax"}', '{"channel":"网点","waitSeconds":60}', '[1,2]'].join('\n') + '\n';
    const run = await runCliWith(['score', '-'], input);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed[0].band).toBeDefined();
    expect(parsed[1]).toMatchObject({ line: 2, error: { message: expect.stringMatching(/invalid JSON/) } });
    expect(parsed[2]).toMatchObject({ line: 3, error: { message: 'empty line' } });
    expect(parsed[3]).toMatchObject({ line: 4, error: { issues: [{ path: 'channel' }] } });
    expect(parsed[4].probability).toBeGreaterThan(0);
    expect(parsed[5]).toMatchObject({ line: 6 });
    expect(run.code).toBe(1);
  });

  it('handles a BOM and CRLF endings, and exits 0 when every line scored', async () => {
    const run = await runCliWith(['score'], '\uFEFF' + GOOD + '\r\n' + GOOD + '\r\n');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toEqual(JSON.parse(lines[1]!));
    expect(run.code).toBe(0);
  });

  it('scores the bundled fixtures as a readable table in either language', async () => {
    const file = 'fixtures/interactions.jsonl';
    const count = readFileSync(file, 'utf8').trimEnd().split('\n').length;
    const en = await runCliWith(['score', file, '--format', 'table', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/CRITICAL/);
    expect(en.stdout).toMatch(/Waited \d+ min; phone callers expect an answer within 20 s/);
    const zh = await runCliWith(['score', file, '--format', 'table', '--lang', 'zh', '--top', '2']);
    expect(zh.stdout).toMatch(/紧急/);
    expect(zh.stdout).toMatch(/等待 \d+ 分钟，电话渠道通常 20 秒内接通/);
    const json = await runCliWith(['score', file]);
    expect(json.stdout.trimEnd().split('\n')).toHaveLength(count);
  });

  it('uses a model file given with --model and refuses a broken one clearly', async () => {
    const ok = await runCliWith(['score', '--model', 'test/fixtures-models/missing.json'], GOOD);
    expect(ok.code).toBe(2);
    expect(ok.stderr).toMatch(/no such file|ENOENT/);
  });

  it('explains bad options and has --help', async () => {
    expect((await runCliWith(['score', '--format', 'xml'])).code).toBe(2);
    expect((await runCliWith(['score', '--lang', 'fr'])).stderr).toMatch(/--lang must be zh or en/);
    const help = await runCliWith(['score', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: complaint-risk score/);
    expect((await runCliWith(['--help'])).stdout).toMatch(/Commands:/);
    expect((await runCliWith(['frobnicate'])).code).toBe(2);
  });
});

describe('complaint-risk explain', () => {
  it('explains one interaction factor by factor', async () => {
    const run = await runCliWith(['explain', GOOD]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Complaint risk: \d+\.\d%/);
    expect(run.stdout).toMatch(/Waited 9 min; phone callers expect an answer within 20 s/);
    expect(run.stdout).toMatch(/投诉/);
    const zh = await runCliWith(['explain', '-', '--lang', 'zh'], GOOD);
    expect(zh.stdout).toMatch(/投诉风险/);
    const json = await runCliWith(['explain', GOOD, '--json']);
    expect(JSON.parse(json.stdout).modelId).toBe('complaint-risk-default@1');
  });

  it('reports an invalid interaction with its field', async () => {
    const run = await runCliWith(['explain', '{"channel":"phone","waitSeconds":-3}']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/waitSeconds/);
  });
});
