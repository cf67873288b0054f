import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Block {
  lang: string;
  line: number;
  code: string;
  skip: string | undefined;
}

/** Every fenced block of README.md, with the reason of a `<!-- readme-check: skip (…) -->` just before it. */
export function readmeBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i] as string);
    if (open === null) continue;
    const start = i;
    let end = i + 1;
    while (end < lines.length && !(lines[end] as string).startsWith('```')) end++;
    let before = start - 1;
    while (before >= 0 && (lines[before] as string).trim() === '') before--;
    const marker = /^<!-- readme-check: skip(?: \((.+)\))? -->$/.exec((lines[before] ?? '').trim());
    blocks.push({ lang: open[1] as string, line: start + 1, code: lines.slice(start + 1, end).join('\n'), skip: marker === null ? undefined : (marker[1] ?? '') });
    i = end;
  }
  return blocks;
}

const blocks = readmeBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
const runnable = blocks.filter((b) => ['ts', 'js', 'sh'].includes(b.lang));

describe('every README code block runs (issue 15, item 22)', () => {
  it('each skipped block says why', () => {
    for (const b of runnable.filter((x) => x.skip !== undefined)) expect(b.skip, `README.md:${b.line}`).toMatch(/\w{3,}/);
    expect(runnable.filter((b) => b.skip === undefined).length).toBeGreaterThanOrEqual(7);
  });

  for (const block of runnable.filter((b) => b.skip === undefined && b.lang !== 'sh')) {
    it(`README.md:${block.line} (${block.lang}) runs as written`, () => {
      // Inside the repository, so `complaint-risk` resolves to this package (dist/, built by the global setup).
      const dir = join(root, 'test', '.readme-blocks');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `block-${block.line}.mts`);
      writeFileSync(file, block.code + '\n');
      execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), file], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    });
  }

  for (const block of runnable.filter((b) => b.skip === undefined && b.lang === 'sh')) {
    it(`README.md:${block.line} (sh) runs as written, with npx running this package's bin`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'complaint-risk-readme-'));
      for (const shared of ['scripts', 'src', 'test', 'node_modules', 'package.json']) symlinkSync(join(root, shared), join(dir, shared));
      const bin = join(dir, '.bin');
      mkdirSync(bin);
      // `npx complaint-risk` in a project that installed the package runs its bin; `npx tsx` the dev dependency.
      writeFileSync(join(bin, 'npx'), `#!/bin/sh\nif [ "$1" = complaint-risk ]; then shift; exec "${process.execPath}" "${root}dist/cli.js" "$@"; fi\ncmd="$1"; shift; exec "${root}node_modules/.bin/$cmd" "$@"\n`);
      writeFileSync(join(bin, 'complaint-risk'), `#!/bin/sh\nexec "${process.execPath}" "${root}dist/cli.js" "$@"\n`);
      chmodSync(join(bin, 'npx'), 0o755);
      chmodSync(join(bin, 'complaint-risk'), 0o755);
      execFileSync('bash', ['-euo', 'pipefail', '-c', block.code], { cwd: dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
    }, 240_000);
  }
});
