import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../support/cli-process.js';

describe('one cue-dense line under the 16 MiB limit (issue 15, item 3)', () => {
  it('is scored in place under a 256 MB heap, and the rows after it are scored too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-dense-'));
    const unit = '太差了！我要投诉 terrible! ';
    const turnText = unit.repeat(Math.floor(1500 / Buffer.byteLength(unit)));
    const turns = Array.from({ length: 10_000 }, () => ({ speaker: 'customer', text: turnText }));
    const dense = JSON.stringify({ channel: 'phone', text: turns });
    expect(Buffer.byteLength(dense)).toBeGreaterThan(14 * 2 ** 20);
    expect(Buffer.byteLength(dense)).toBeLessThan(16 * 2 ** 20);
    const file = join(dir, 'dense.jsonl');
    writeFileSync(file, [JSON.stringify({ channel: 'chat', waitSeconds: 30 }), dense, JSON.stringify({ channel: 'phone', text: '我要投诉' }), '{bad'].join('\n') + '\n');
    const run = spawnSync(process.execPath, ['--max-old-space-size=256', CLI, 'score', file], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    expect(run.stderr).not.toMatch(/heap out of memory/);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[1].band).toBe('critical');
    for (const f of lines[1].factors) expect((f.evidence ?? []).length).toBeLessThanOrEqual(20);
    expect(lines[2].band).toBeDefined();
    expect(lines[3]).toMatchObject({ line: 4, error: { issues: [{ code: 'invalid_json' }] } });
  });
});
