import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseModel } from '../../src/index.js';
import { writeFileAtomic } from '../../src/cli/atomic-write.js';
import { CLI } from '../support/cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-io-'));
const csv = join(dir, 'history.csv');
const jsonl = join(dir, 'history.jsonl');
const fixtures = new URL('../../fixtures/interactions.jsonl', import.meta.url).pathname;

beforeAll(() => {
  const lines = ['channel,waitSeconds,repeatContacts,text,complained'];
  const records: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const complained = i % 5 === 0 || (i % 7 === 0 && i % 2 === 0) ? 1 : 0;
    const text = complained ? '等了很久还没解决' : i % 3 ? 'thanks' : '';
    lines.push(`${i % 2 ? 'phone' : 'chat'},${(i * 37) % 900},${i % 3},${text},${complained}`);
    records.push(JSON.stringify({ channel: i % 2 ? 'phone' : 'chat', waitSeconds: (i * 37) % 900, label: complained }));
  }
  writeFileSync(csv, lines.join('\n') + '\n');
  writeFileSync(jsonl, records.join('\n') + '\n');
});

/** Runs the built CLI with standard output going to `stdoutPath` (e.g. /dev/full). */
function runTo(stdoutPath: string, args: string[], input?: string): { status: number | null; stderr: string } {
  const fd = openSync(stdoutPath, 'w');
  try {
    const r = spawnSync(process.execPath, [CLI, ...args], { stdio: [input === undefined ? 'ignore' : 'pipe', fd, 'pipe'], input, encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe('I/O failures (issue 15, items 1 and 4)', () => {
  it('fit … 2>&1 | head -1 still writes the whole model (or fails non-zero with the old file untouched)', () => {
    const model = join(dir, 'model.json');
    writeFileSync(model, '{"old": true}\n');
    const status = execFileSync('bash', ['-c', `node ${CLI} fit ${csv} --label complained --out ${model} --report ${join(dir, 'r.html')} --cv 2 2>&1 | head -1 >/dev/null; echo \${PIPESTATUS[0]}`], { encoding: 'utf8' }).trim();
    const content = readFileSync(model, 'utf8');
    if (status === '0') expect(() => parseModel(content)).not.toThrow();
    else expect(content).toBe('{"old": true}\n');
    expect(status).toBe('0');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('score, explain and evaluate to a full disk: exit 2 with one line, no stack trace', () => {
    for (const [args, input] of [
      [['score', fixtures], undefined],
      [['score', fixtures, '--format', 'table'], undefined],
      [['explain', '{"channel":"phone","text":"我要投诉"}'], undefined],
      [['explain', '-', '--json'], '{"channel":"phone"}'],
      [['evaluate', jsonl, '--quiet'], undefined],
      [['evaluate', jsonl, '--json', '--quiet'], undefined],
      [['--help'], undefined],
    ] as const) {
      const run = runTo('/dev/full', [...args], input);
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(/cannot write standard output: no space left on device \(ENOSPC\)/);
      expect(run.stderr).not.toMatch(/\bat .*\(|node:internal/);
    }
  });

  it('fit --out /dev/full: exit 2, one line, and /dev/full stays a device', () => {
    const run = spawnSync(process.execPath, [CLI, 'fit', csv, '--label', 'complained', '--out', '/dev/full', '--cv', '0', '--quiet'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/^complaint-risk fit: cannot write \/dev\/full: no space left on device \(ENOSPC\)$/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('writes files whole through a temporary file in the same folder, keeping a symlink a symlink', async () => {
    const target = join(dir, 'atomic.json');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new content');
    expect(readFileSync(target, 'utf8')).toBe('new content');
    const link = join(dir, 'link.json');
    symlinkSync(target, link);
    await writeFileAtomic(link, 'through the link');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('through the link');
    // A folder that does not exist: a worded error, and nothing left behind.
    await expect(writeFileAtomic(join(dir, 'missing', 'x.json'), 'x')).rejects.toThrow(/cannot write .*missing\/x\.json: no such file or directory \(ENOENT\)/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
