import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

// dist/ is built by the global setup.
const LIBRARY_FILES = ['dist/index.js', 'dist/index.cjs', 'dist/calibrate.js', 'dist/calibrate.cjs'];

describe('the built package', () => {
  it('imports no Node built-ins from the library entries (browsers, edge runtimes)', () => {
    const names = builtinModules.flatMap((m) => [m, `node:${m}`]).filter((m) => !m.startsWith('_'));
    for (const file of LIBRARY_FILES) {
      const code = readFileSync(file, 'utf8');
      for (const name of names) {
        const quoted = [`"${name}"`, `'${name}'`];
        for (const q of quoted) {
          expect(code.includes(`from ${q}`) || code.includes(`require(${q})`) || code.includes(`import(${q})`), `${file} imports ${name}`).toBe(false);
        }
      }
      expect(code).not.toMatch(/\bnew Function\(|\beval\(/);
    }
  });

  it('loads with require() and import() by its package name', () => {
    const cjs = execFileSync(process.execPath, ['-e', "const c=require('complaint-risk');const s=c.createScorer();process.stdout.write(String(s.score({channel:'phone'}).probability))"], { encoding: 'utf8' });
    expect(Number(cjs)).toBeGreaterThan(0);
    const esm = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "const c=await import('complaint-risk');const k=await import('complaint-risk/calibrate');process.stdout.write(typeof c.createScorer+','+typeof c.defaultModel+','+typeof k)"],
      { encoding: 'utf8' },
    );
    expect(esm).toBe('function,object,object');
  });

  it('ships type declarations for both entries and formats', () => {
    for (const file of ['dist/index.d.ts', 'dist/index.d.cts', 'dist/calibrate.d.ts', 'dist/calibrate.d.cts']) {
      expect(readFileSync(file, 'utf8').length).toBeGreaterThan(0);
    }
    expect(readFileSync('dist/index.d.ts', 'utf8')).toMatch(/createScorer/);
  });

  it('runs as the complaint-risk bin, printing nothing but results on stdout', () => {
    const out = execFileSync(process.execPath, ['dist/cli.js', 'score', '-'], { input: '{"channel":"chat","waitSeconds":600}\n', encoding: 'utf8' });
    expect(JSON.parse(out).band).toBeDefined();
    expect(readFileSync('dist/cli.js', 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
