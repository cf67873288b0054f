import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { createProgress, progressLine, progressMode, summaryLine } from '../../src/cli/progress.js';
import { runCli } from '../../src/cli/run-cli.js';
import { runCliWith } from '../support/run-cli.js';

/** A stderr stand-in that records what was written, optionally posing as a terminal. */
function captured(tty: boolean): PassThrough & { text(): string } {
  const stream = new PassThrough() as PassThrough & { text(): string; isTTY?: boolean; columns?: number };
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  if (tty) {
    stream.isTTY = true;
    stream.columns = 100;
  }
  stream.text = () => text;
  return stream;
}

describe('progress lines', () => {
  it('picks the mode: a live line on a terminal, plain lines with --progress, nothing with --quiet', () => {
    expect(progressMode(captured(true), {})).toBe('live');
    expect(progressMode(captured(false), {})).toBe('off');
    expect(progressMode(captured(false), { progress: true })).toBe('lines');
    expect(progressMode(captured(true), { quiet: true, progress: true })).toBe('off');
  });

  it('says rows, rate, percentage and ETA when the size is known, only rows and rate when not', () => {
    expect(progressLine('score', 120_000, 2, 0.6)).toBe('score: 120,000 rows · 60.0 k rows/s · 60% · ETA 2 s');
    expect(progressLine('score', 500, 2, undefined)).toBe('score: 500 rows · 250 rows/s');
    expect(progressLine('fit: features', 10, 90, 0.25)).toMatch(/ETA 4 min 30 s$/);
    expect(summaryLine('score', 200_000, 4)).toBe('score: 200,000 rows in 4.0 s (50.0 k rows/s)');
  });

  it('plain lines come at the first update and then every interval, with the time the injected clock gives', () => {
    let now = 0;
    const err = captured(false);
    const p = createProgress(err, 'lines', false, { label: 'score', totalBytes: 1000, intervalMs: 5000, now: () => now });
    for (let rows = 1; rows <= 100; rows++) {
      now += 200; // 100 updates over 20 s
      p.update(rows * 10, { bytes: rows * 10 });
    }
    p.done('score: done');
    const lines = err.text().trimEnd().split('\n');
    expect(lines).toHaveLength(5); // at 0.2, 5.2, 10.2 and 15.2 s, then the summary
    expect(lines[0]).toBe('score: 10 rows · 50 rows/s · 1% · ETA 20 s');
    expect(lines[1]).toBe('score: 260 rows · 50 rows/s · 26% · ETA 15 s');
    expect(lines[4]).toBe('score: done');
    expect(err.text()).not.toMatch(/\r|\x1b/);
  });

  it('a live line is redrawn in place, cleared before a message, and replaced by the summary', () => {
    let now = 0;
    const err = captured(true);
    const p = createProgress(err, 'live', false, { label: 'score', now: () => now });
    now = 150;
    p.update(10);
    p.say('a note');
    now = 300;
    p.update(20);
    p.done('score: 20 rows');
    expect(err.text()).toBe('\rscore: 10 rows · 67 rows/s\x1b[K' + '\r\x1b[Ka note\n' + '\rscore: 20 rows · 67 rows/s\x1b[K' + '\r\x1b[Kscore: 20 rows\n');
  });

  it('quiet: no progress, no messages, no summary', () => {
    const err = captured(true);
    const p = createProgress(err, 'off', true, { label: 'score' });
    p.update(5);
    p.say('note');
    p.done('summary');
    expect(err.text()).toBe('');
  });
});

describe('score: progress goes to stderr only', () => {
  const input = Array.from({ length: 50 }, (_, i) => JSON.stringify({ channel: 'phone', waitSeconds: i * 10 })).join('\n') + '\n';

  it('with --progress the output is byte-identical and stderr ends with a summary; without, stderr stays empty', async () => {
    const plain = await runCliWith(['score', '-'], input);
    const withProgress = await runCliWith(['score', '-', '--progress'], input);
    expect(withProgress.stdout).toBe(plain.stdout);
    expect(plain.stderr).toBe('');
    expect(withProgress.stderr).toMatch(/^score: 50 rows in \d+\.\d s/m);
    const quiet = await runCliWith(['score', '-', '--progress', '--quiet'], input);
    expect(quiet.stderr).toBe('');
  });

  it('on a terminal stderr its lines and summary go there, never to stdout', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const err = captured(true);
    const code = await runCli(['score', '-'], { stdin: Readable.from([input]), stdout, stderr: err });
    expect(code).toBe(0);
    expect(out).toBe((await runCliWith(['score', '-'], input)).stdout);
    expect(out).not.toMatch(/\r|\x1b|rows/);
    expect(err.text()).toMatch(/score: 50 rows in/);
  });
});
