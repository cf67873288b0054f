import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../support/cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Our own rows: every kind of line a batch sees, ids of both types, and errors in between. */
function mixedLines(count: number): string[] {
  const texts = ['我要投诉，等了半小时还没人处理！', 'still waiting for my refund, this is unacceptable', 'Thanks, all sorted.', '第三次打电话了，问题还是没解决', ''];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 17;
    if (kind === 3) lines.push('{"channel": "phone", "waitSeconds": ');
    else if (kind === 7) lines.push(JSON.stringify({ id: i, channel: 'fax', waitSeconds: -1 }));
    else if (kind === 11) lines.push('');
    else if (kind === 13) lines.push(JSON.stringify({ id: { bad: true }, channel: 'chat' }) + '\r');
    else {
      const text = texts[i % texts.length] as string;
      lines.push(JSON.stringify({ id: i % 2 === 0 ? `T-${i}` : i, channel: ['phone', 'chat', '电话', 'email'][i % 4], waitSeconds: (i * 37) % 1800, repeatContacts: i % 3, ...(text ? { text } : {}) }));
    }
  }
  return lines;
}

function score(args: string[]): { status: number | null; stdout: Buffer; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, 'score', ...args], { maxBuffer: 1 << 30 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}

describe('score --jobs N', () => {
  const lines = mixedLines(6_000);
  const file = join(dir, 'mixed.jsonl');
  // A BOM on the first line and no newline after the last, as exports have.
  writeFileSync(file, '\uFEFF' + lines.join('\n'));

  it('writes exactly the bytes of --jobs 1, in input order, with every error line in its place and the same exit code', () => {
    const one = score([file, '--jobs', '1']);
    expect(one.status).toBe(1);
    const out = one.stdout.toString('utf8').split('\n');
    expect(out.pop()).toBe('');
    expect(out).toHaveLength(lines.length);
    out.forEach((text, i) => {
      const parsed = JSON.parse(text) as { line?: number; id?: unknown; error?: unknown };
      if (parsed.error !== undefined) expect(parsed.line).toBe(i + 1);
    });
    expect(JSON.parse(out[0] as string)).toMatchObject({ id: 'T-0' });
    for (const jobs of ['2', '3']) {
      const many = score([file, '--jobs', jobs]);
      expect(many.status).toBe(1);
      expect(many.stdout.equals(one.stdout)).toBe(true);
    }
  });

  it('keeps every output form byte-identical: compact, csv and table, with --top and --keep', () => {
    for (const form of [['--compact'], ['--format', 'csv', '--top', '2'], ['--format', 'table', '--lang', 'zh'], ['--top', '1']]) {
      const one = score([file, '--jobs', '1', ...form]);
      const two = score([file, '--jobs', '2', ...form]);
      expect(two.status).toBe(one.status);
      expect(two.stdout.equals(one.stdout)).toBe(true);
    }
  });

  it('reads CSV the same way on every thread', () => {
    const csv = join(dir, 'rows.csv');
    const rows = ['id,channel,wait_seconds,text,ticket'];
    for (let i = 0; i < 3000; i++) rows.push(`${i},${i % 9 === 0 ? 'fax' : 'phone'},${i % 600},"我要投诉, ${i}",K-${i}`);
    writeFileSync(csv, rows.join('\r\n') + '\r\n');
    const one = score([csv, '--jobs', '1', '--keep', 'ticket']);
    const two = score([csv, '--jobs', '2', '--keep', 'ticket']);
    expect(one.status).toBe(1);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(JSON.parse(one.stdout.toString('utf8').split('\n')[1] as string)).toMatchObject({ id: '1', ticket: 'K-1' });
  });

  it('stops reading while stdout is not read (back-pressure), then finishes with the same output', async () => {
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, mixedLines(40_000).join('\n') + '\n');
    const expected = score([big, '--jobs', '1']).stdout;
    const child = spawn(process.execPath, [CLI, 'score', big, '--jobs', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.pause();
    // Let it fill the pipe and its window, then look at how far it has read the file.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(child.exitCode).toBeNull();
    const position = inputPosition(child.pid as number, big);
    if (position !== undefined) expect(position).toBeLessThan(readFileSync(big).length / 4);
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(Buffer.concat(chunks).equals(expected)).toBe(true);
  });

  it('refuses --jobs outside 1 to 64', () => {
    for (const bad of ['0', '65', 'two']) expect(score([file, '--jobs', bad]).status).toBe(2);
  });
});

/** How far a process has read a file: the offset of its open descriptor (Linux /proc), if it can be seen. */
function inputPosition(pid: number, file: string): number | undefined {
  const fds = `/proc/${pid}/fd`;
  if (!existsSync(fds)) return undefined;
  for (const fd of readdirSync(fds)) {
    try {
      if (readlinkSync(join(fds, fd)) !== file) continue;
      const match = /^pos:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'));
      if (match !== null) return Number(match[1]);
    } catch {
      // the descriptor closed meanwhile
    }
  }
  return undefined;
}
