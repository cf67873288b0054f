import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkLibrarySource, type Violation } from './isolation/library-rules.js';
import { defaultModel } from '../../src/index.js';
import { fit } from '../../src/calibrate.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = (file: string): string => join(root, 'test/robustness/isolation', file);
const dist = (file: string): string => join(root, 'dist', file);

function runNode(args: string[]): { stdout: string; parsed: Record<string, unknown> } {
  const stdout = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  return { stdout, parsed: JSON.parse(stdout.trim().split('\n').pop() as string) as Record<string, unknown> };
}

describe('the built library needs no I/O', () => {
  it('ESM: scores, analyses, parses models, fits and evaluates with every Node built-in import blocked and network globals trapped', () => {
    const { parsed } = runNode(['--import', pathToFileURL(here('block-builtins.mjs')).href, here('use-library.mjs'), pathToFileURL(dist('index.js')).href, pathToFileURL(dist('calibrate.js')).href]);
    expect(parsed.band).toBe('critical');
    expect(parsed.rejected).toBe('waitSeconds');
    expect(parsed.modelId).toBe(defaultModel.id);
    expect(parsed.customCues).toContain('征信');
    expect(typeof parsed.auc).toBe('number');
    expect(parsed.blockedAttempts).toEqual([]);
    expect(parsed.prototypeUnchanged).toBe(true);
    // zod registers its own two globals; the library adds none.
    for (const name of parsed.globalsAdded as string[]) expect(name).toMatch(/^__zod_/);
  });

  it('CJS: the require() build loads and scores with every built-in require blocked', () => {
    const { parsed } = runNode(['-r', here('block-builtins.cjs'), here('use-library.cjs'), dist('index.cjs'), dist('calibrate.cjs')]);
    expect(parsed.probability).toBeGreaterThan(0);
    expect(parsed.calibrate).toBe('function');
  });

  it("under Node's permission model (read-only file access, no child processes or workers) it works the same", () => {
    const args = ['--experimental-permission', `--allow-fs-read=${root}*`, here('use-library.mjs'), pathToFileURL(dist('index.js')).href, pathToFileURL(dist('calibrate.js')).href];
    const { parsed } = runNode(args);
    expect(parsed.band).toBe('critical');
  });
});

/** Reads of the clock the rules allow, each with its reason. */
const ALLOWED: Array<{ file: string; rule: RegExp; why: string }> = [
  { file: 'src/calibrate/fit.ts', rule: /^hidden clock/, why: "provenance only: the model's createdAt and the report's elapsedMs, never a weight or a score" },
];

function librarySources(dir = join(root, 'src')): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (relative(root, path) !== join('src', 'cli')) files.push(...librarySources(path));
    } else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) files.push(path);
  }
  return files;
}

describe('library source rules (src/ outside src/cli/)', () => {
  it('no Node built-ins or undeclared packages, no eval/Function, no RegExp from non-literals, no mutable module state, no host globals, no hidden clock', () => {
    const files = librarySources();
    expect(files.length).toBeGreaterThan(20);
    const violations: Violation[] = [];
    for (const file of files) {
      const rel = relative(root, file);
      for (const v of checkLibrarySource(rel, readFileSync(file, 'utf8')))
        if (!ALLOWED.some((a) => a.file === v.file && a.rule.test(v.rule))) violations.push(v);
    }
    expect(violations.map((v) => `${v.file}:${v.line} ${v.rule}: ${v.text}`)).toEqual([]);
  });

  it('the checker itself catches each kind of violation (so an empty list means something)', () => {
    const bad = `
      import { readFileSync } from 'node:fs';
      import natural from 'natural';
      import * as z from 'zod';
      export { x } from 'fs/promises';
      let counter = 0;
      var legacy = 1;
      const cache = new Map<string, number>();
      const seen: string[] = [];
      const table = {} as Record<string, number>;
      const tally = new Tally();
      const idSchema = z.string().min(1);
      const shapes = { label: z.object({ zh: z.string() }).optional() };
      export function remember(key: string, pattern: string): RegExp {
        cache.set(key, 1);
        seen.push(key);
        table[key] = 2;
        table.count++;
        delete table.old;
        Object.assign(table, { a: 1 });
        eval('1');
        new Function('return 1');
        setTimeout('alert(1)', 1);
        const env = process.env.HOME;
        const started = Date.now();
        const today = new Date();
        const r = Math.random();
        void import(pattern);
        fetch('https://example.com');
        return new RegExp(pattern + '+');
      }`;
    const rules = checkLibrarySource('bad.ts', bad).map((v) => v.rule);
    for (const expected of [
      'imports Node built-in "node:fs"',
      'imports package "natural"',
      'imports Node built-in "fs/promises"',
      'module-level let/var (mutable module state)',
      'mutates module-level "cache"',
      'mutates module-level "seen"',
      'mutates module-level "table"',
      'eval',
      'Function constructor',
      'string-bodied timer',
      'reaches the host through "process"',
      'hidden clock: Date.now()',
      'hidden clock: new Date()',
      'hidden randomness: Math.random()',
      'dynamic import() of a computed specifier',
      'reaches the host through "fetch"',
      'RegExp built from a non-literal',
      'module-level instance of Tally (only a WriteOnce cache may outlive a call)',
      'zod schema built at import (make it lazySchema(() => …))',
    ])
      expect(rules, expected).toContain(expected);
    expect(rules.filter((r) => r === 'module-level let/var (mutable module state)')).toHaveLength(2);
    expect(rules.filter((r) => r === 'mutates module-level "table"').length).toBeGreaterThanOrEqual(4);
    expect(rules.filter((r) => r.startsWith('zod schema built at import'))).toHaveLength(2);

    const good = `
      import { z } from 'zod';
      import { helper } from './helper.js';
      const WORDS = new Set(['a', 'b']);
      const LEXICON = new WriteOnce(() => compile(WORDS));
      export const idSchema = /* @__PURE__ */ lazySchema(() => z.string().min(1));
      const label = () => z.object({ zh: z.string() });
      const TABLE: Record<string, number> = {};
      for (const w of ['x', 'y']) TABLE[w] = 1;
      const PATTERN = /^[a-z]+$/;
      const FROM_LITERAL = new RegExp('^\\\\d+$', 'u');
      export function f(process: string, cache: Map<string, number>): boolean {
        const local = new Map<string, number>();
        local.set(process, 1);
        cache.set('k', 2);
        const seen: string[] = [];
        seen.push('x');
        const at = new Date(0);
        return WORDS.has(process) && PATTERN.test(process) && FROM_LITERAL.test(String(at.getTime())) && z.string().safeParse(helper).success;
      }`;
    expect(checkLibrarySource('good.ts', good)).toEqual([]);
  });

  it('what the clock allowance covers stays out of results: fitting twice gives the same model but for createdAt', () => {
    const records = Array.from({ length: 120 }, (_, i) => ({
      channel: i % 2 === 0 ? 'phone' : 'chat',
      waitSeconds: (i * 53) % 1500,
      repeatContacts: i % 3,
      unresolved: i % 4 === 0,
      label: (i * 53) % 1500 > 800 || i % 9 === 0,
    }));
    const a = fit(records, { constantColumns: 'keepPrior' });
    const b = fit(records, { constantColumns: 'keepPrior' });
    const strip = (m: typeof a.model) => ({ ...m, createdAt: undefined });
    expect(strip(b.model)).toEqual(strip(a.model));
  });
});
