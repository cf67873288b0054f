import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli.js';
import { readLines } from '../../src/cli/read-lines.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { readBounded } from '../../src/cli/read-bounded.js';
import { csvRows } from '../../src/cli/csv-rows.js';
import { UsageError } from '../../src/cli/command.js';
import { defaultModel } from '../../src/index.js';
import { hostileString } from '../support/arbitraries.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/cli.js');

/** Runs the CLI in-process, feeding standard input as the given byte chunks. */
async function runWithBytes(argv: string[], chunks: Buffer[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await runCli(argv, { stdin: Readable.from(chunks, { objectMode: false }), stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

const GOOD = JSON.stringify({ channel: 'phone', waitSeconds: 540, text: '我要投诉，等了半小时' });
const BIG_TEXT = '等了很久，问题还是没解决。'.repeat(140_000); // ≈ 5.5 MB of UTF-8

/** A file with every kind of line a warehouse export produces, and what each line must become. */
const LINES: Array<{ bytes: Buffer; expect: 'ok' | { code?: string; path?: string } }> = [
  { bytes: Buffer.from('\uFEFF' + GOOD + '\r\n'), expect: 'ok' },
  { bytes: Buffer.from('{"channel":\r\n'), expect: { code: 'invalid_json' } },
  { bytes: Buffer.from('{"channel":"phone","waitSeconds":-1}\n'), expect: { path: 'waitSeconds' } },
  { bytes: Buffer.from('\n'), expect: { code: 'empty_line' } },
  { bytes: Buffer.from(' \t \r\n'), expect: { code: 'empty_line' } },
  { bytes: Buffer.from(JSON.stringify({ channel: 'chat', text: BIG_TEXT }) + '\n'), expect: 'ok' },
  { bytes: Buffer.from('[1,2]\n'), expect: { path: '(root)' } },
  { bytes: Buffer.from('"just a string"\n'), expect: { path: '(root)' } },
  { bytes: Buffer.from('null\r\n'), expect: { path: '(root)' } },
  { bytes: Buffer.from('{"channel":"phone","text":"\\ud800我要投诉\\udfff"}\n'), expect: 'ok' },
  { bytes: Buffer.concat([Buffer.from('{"channel":"phone","text":"bad bytes '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}\n')]), expect: 'ok' },
  { bytes: Buffer.from('{"channel":"phone","__proto__":{"waitSeconds":1}}\n'), expect: { path: '__proto__' } },
  { bytes: Buffer.from('{"channel":"phone"}{"channel":"chat"}\n'), expect: { code: 'invalid_json' } },
  { bytes: Buffer.from('{"channel":"phone",\r"waitSeconds":5}\n'), expect: 'ok' },
  { bytes: Buffer.from('{"channel":"phone","waitSeconds":1e999}\n'), expect: { path: 'waitSeconds' } },
  { bytes: Buffer.from(GOOD), expect: 'ok' }, // last line, no final newline
];

function checkOutput(stdout: string): void {
  const out = stdout.split('\n');
  expect(out.pop()).toBe(''); // every output line ends in "\n"
  expect(out).toHaveLength(LINES.length);
  LINES.forEach((line, i) => {
    const row = JSON.parse(out[i] as string);
    if (line.expect === 'ok') {
      expect(row.probability, `line ${i + 1}: ${out[i]?.slice(0, 200)}`).toBeGreaterThan(0);
      expect(row.modelId).toBe(defaultModel.id);
    } else {
      expect(row.line, `line ${i + 1}`).toBe(i + 1);
      expect(typeof row.error.message).toBe('string');
      const issues = row.error.issues as Array<{ path: string; code: string }>;
      if (line.expect.code !== undefined) expect(issues.map((x) => x.code), `line ${i + 1}`).toContain(line.expect.code);
      if (line.expect.path !== undefined) expect(issues.map((x) => x.path), `line ${i + 1}`).toContain(line.expect.path);
    }
  });
}

describe('complaint-risk score on a hostile JSONL file', () => {
  const file = Buffer.concat(LINES.map((l) => l.bytes));

  it('scores every good row, reports every bad row with its line number in place, and exits 1', async () => {
    const run = await runWithBytes(['score'], [file]);
    checkOutput(run.stdout);
    expect(run.code).toBe(EXIT.rowsFailed);
    expect(run.stderr).toBe('');
  });

  it('gives the same output however the bytes are split into chunks (CRLF, BOM and UTF-8 sequences cut anywhere)', async () => {
    const small = Buffer.concat(LINES.filter((l) => l.bytes.length < 1000).map((l) => l.bytes));
    const whole = await runWithBytes(['score'], [small]);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: small.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), small.length];
        const chunks = points.slice(1).map((end, i) => small.subarray(points[i], end));
        const run = await runWithBytes(['score'], chunks);
        expect(run.stdout).toBe(whole.stdout);
        expect(run.code).toBe(whole.code);
      }),
      { numRuns: 60 },
    );
  });

  it('the table format reports bad rows in place too', async () => {
    const run = await runWithBytes(['score', '--format', 'table', '--lang', 'zh'], [Buffer.from(['x', GOOD, '', GOOD].join('\n'))]);
    expect(run.code).toBe(EXIT.rowsFailed);
    expect(run.stdout).toMatch(/^1\s+错误/m);
    expect(run.stdout).toMatch(/^3\s+错误\s+empty line/m);
    expect(run.stdout).toMatch(/^2\s+紧急|^2\s+高|^2\s+中|^2\s+低/m);
  });

  it('exits 0 when every line scores', async () => {
    const run = await runWithBytes(['score'], [Buffer.from(`${GOOD}\r\n${GOOD}\r\n`)]);
    expect(run.code).toBe(EXIT.ok);
    expect(run.stdout.split('\n')).toHaveLength(3);
  });
});

describe('readLines', () => {
  async function collect(chunks: Buffer[], max?: number) {
    const out = [];
    for await (const line of readLines(Readable.from(chunks, { objectMode: false }), max)) out.push(line);
    return out;
  }

  it('splits like a reference splitter on LF, strips one CR, a first-line BOM, and nothing else', async () => {
    const piece = fc.constantFrom('a', '投', '😀', '\r', '\n', '\r\n', '\uFEFF', ' ', '"', '\u2028');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), async (pieces, chunkSize) => {
        const text = pieces.join('');
        const bytes = Buffer.from(text);
        const chunks = [];
        for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
        const expected = text.split('\n');
        if (expected[expected.length - 1] === '') expected.pop();
        const lines = await collect(chunks);
        expect(lines.map((l) => l.line)).toEqual(expected.map((_, i) => i + 1));
        expect(lines.map((l) => l.text)).toEqual(
          expected.map((l, i) => {
            const noBom = i === 0 && l.startsWith('\uFEFF') ? l.slice(1) : l;
            return noBom.endsWith('\r') ? noBom.slice(0, -1) : noBom;
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('reports a line over the byte limit without holding it, and goes on', async () => {
    const long = Buffer.alloc(50_000, 0x61);
    const lines = await collect([Buffer.from('ok\n'), long.subarray(0, 20_000), long.subarray(20_000), Buffer.from('\nafter\n')], 1000);
    expect(lines).toEqual([
      { line: 1, text: 'ok', bytes: 2, tooLong: false },
      { line: 2, text: '', bytes: 50_000, tooLong: true },
      { line: 3, text: 'after', bytes: 5, tooLong: false },
    ]);
  });
});

describe('csvRows (the fit/evaluate CSV reader)', () => {
  async function rows(chunks: Buffer[], max?: number) {
    const out = [];
    for await (const row of csvRows(Readable.from(chunks, { objectMode: false }), max)) out.push(row);
    return out;
  }

  it('decodes UTF-8 split anywhere across chunks', async () => {
    const text = '\uFEFFchannel,text,label\r\n电话,"我要投诉，等了半小时😀",1\n在线,"说""谢谢""",0\n';
    const bytes = Buffer.from(text);
    const whole = await rows([bytes]);
    expect(whole.map((r) => r.fields)).toEqual([
      ['channel', 'text', 'label'],
      ['电话', '我要投诉，等了半小时😀', '1'],
      ['在线', '说"谢谢"', '0'],
    ]);
    for (let size = 1; size <= 5; size++) {
      const chunks = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      expect(await rows(chunks), `chunks of ${size} bytes`).toEqual(whole);
    }
  });

  it('refuses a row that never ends (an unclosed quote) instead of buffering the file', async () => {
    const chunks = [Buffer.from('a,"unclosed\n'), ...Array.from({ length: 50 }, () => Buffer.alloc(1000, 0x61))];
    await expect(rows(chunks, 10_000)).rejects.toThrow(/line 1 is longer than 10000 characters/);
  });
});

describe('complaint-risk explain on hostile input', () => {
  it('reports an invalid or hostile interaction with exit 1 and its path', async () => {
    const proto = await runWithBytes(['explain', '-'], [Buffer.from('{"channel":"phone","__proto__":{"waitSeconds":1}}')]);
    expect(proto.code).toBe(EXIT.rowsFailed);
    expect(proto.stderr).toMatch(/__proto__/);
    const nan = await runWithBytes(['explain', '-'], [Buffer.from('{"channel":"phone","waitSeconds":1e999}')]);
    expect(nan.code).toBe(EXIT.rowsFailed);
    expect(nan.stderr).toMatch(/waitSeconds/);
  });

  it('refuses standard input past the byte limit without reading the rest', async () => {
    let pulled = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          pulled++;
          yield Buffer.alloc(1024, 0x20);
        }
      })(),
    );
    await expect(readBounded(endless, 10_000, 'input')).rejects.toBeInstanceOf(UsageError);
    expect(pulled).toBeLessThan(20);
  });
});

describe('human-readable output is safe for a terminal', () => {
  // Everything the table and explain formats print, apart from their own line breaks.
  const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;
  const nasty = fc.oneof(
    hostileString,
    fc.constantFrom('太\u0007差了', '我要投诉\u001b[2J\u001b]0;pwned\u0007', '投\u202e诉 refund\u2066', 'terrible\u009b31m', '等了\r\n半小时\u2028太差'),
  );

  it('customer words with control, bidi and zero-width characters are shown escaped in table and explain output', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, async (text) => {
        const row = JSON.stringify({ channel: 'phone', waitSeconds: 900, text: `太差了 ${text} 我要投诉` });
        for (const lang of ['zh', 'en']) {
          const table = await runWithBytes(['score', '--format', 'table', '--lang', lang], [Buffer.from(row + '\n')]);
          expect(table.stdout).not.toMatch(UNSAFE);
          const explain = await runWithBytes(['explain', '-', '--lang', lang], [Buffer.from(row)]);
          expect(explain.stdout).not.toMatch(UNSAFE);
        }
      }),
      { numRuns: 60 },
    );
    const bell = await runWithBytes(['explain', '-', '--lang', 'zh'], [Buffer.from(JSON.stringify({ channel: 'phone', text: '太\u0007差了' }))]);
    expect(bell.stdout).toContain('太\\u0007差');
  });

  it('error messages quoting hostile keys are escaped too', async () => {
    const row = JSON.stringify({ channel: 'phone', ['\u001b[2Jevil']: 1 });
    const table = await runWithBytes(['score', '--format', 'table'], [Buffer.from(row + '\n')]);
    expect(table.stdout).not.toMatch(UNSAFE);
    expect(table.stdout).toContain('\\u001b[2Jevil');
    const explain = await runWithBytes(['explain', '-'], [Buffer.from(row)]);
    expect(explain.stderr).not.toMatch(UNSAFE);
  });
});

describe('the built CLI as a real process', () => {
  let dir: string;
  let big: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'complaint-risk-cli-'));
    big = join(dir, 'big.jsonl');
    writeFileSync(big, (GOOD + '\n').repeat(20_000));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sh = (script: string) => spawnSync('bash', ['-c', `set -o pipefail; ${script}`], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('`score big.jsonl | head -1` exits cleanly: status 0, no EPIPE, no stack trace', () => {
    for (const format of ['json', 'table']) {
      const run = sh(`node ${JSON.stringify(cli)} score ${JSON.stringify(big)} --format ${format} | head -1`);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('reads standard input from a pipe', () => {
    const run = sh(`printf '%s\\n%s\\n' ${JSON.stringify(GOOD)} 'oops' | node ${JSON.stringify(cli)} score -`);
    expect(run.status).toBe(EXIT.rowsFailed);
    const [first, second] = run.stdout.trimEnd().split('\n');
    expect(JSON.parse(first as string).probability).toBeGreaterThan(0);
    expect(JSON.parse(second as string)).toMatchObject({ line: 2, error: { issues: [{ code: 'invalid_json' }] } });
  });

  it.each([
    ['a missing input file', ['score', 'no-such-file.jsonl'], /no-such-file|ENOENT/],
    ['a directory as input', ['score', '.'], /EISDIR|directory/],
    ['a missing model file', ['score', '--model', 'no-such-model.json', '-'], /no-such-model|ENOENT/],
    ['an unknown option', ['score', '--frobnicate'], /frobnicate/],
    ['an endless model file', ['score', '--model', '/dev/zero', '-'], /model file \/dev\/zero is larger than/],
    ['a directory as model file', ['score', '--model', '.', '-'], /EISDIR|directory/],
    ['an unknown command', ['frobnicate'], /unknown command/],
  ])('exits 2 for %s, with a message and no stack trace', (_name, args, message) => {
    const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', input: GOOD + '\n', timeout: 30_000 });
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('exits 2 for a hostile model file, naming where it is wrong', () => {
    const bad = join(dir, 'bad-model.json');
    writeFileSync(bad, JSON.stringify(defaultModel).replace('"weights":{', '"weights":{"__proto__":{"polluted":1},'));
    const run = spawnSync(process.execPath, [cli, 'score', '--model', bad, '-'], { cwd: root, encoding: 'utf8', input: GOOD + '\n', timeout: 30_000 });
    expect(run.status).toBe(EXIT.usage);
    expect(run.stderr).toMatch(/weights\.__proto__/);
    expect(run.stdout).toBe('');
    const future = join(dir, 'future-model.json');
    writeFileSync(future, JSON.stringify({ ...defaultModel, formatVersion: 99 }));
    const later = spawnSync(process.execPath, [cli, 'score', '--model', future, '-'], { cwd: root, encoding: 'utf8', input: GOOD + '\n', timeout: 30_000 });
    expect(later.status).toBe(EXIT.usage);
    expect(later.stderr).toMatch(/formatVersion 99 is newer/);
  });

  it('exit codes 0 and 1 from the real process', () => {
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, `${GOOD}\n${GOOD}\n`);
    expect(spawnSync(process.execPath, [cli, 'score', good], { encoding: 'utf8' }).status).toBe(EXIT.ok);
    const mixed = join(dir, 'mixed.jsonl');
    writeFileSync(mixed, `${GOOD}\n{\n${GOOD}\n`);
    const run = spawnSync(process.execPath, [cli, 'score', mixed], { encoding: 'utf8' });
    expect(run.status).toBe(EXIT.rowsFailed);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(execFileSync(process.execPath, [cli, 'score', '--help'], { encoding: 'utf8' })).toMatch(/Exit code: 0 when every line scored; 1 when any line/);
  });
});
