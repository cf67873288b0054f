import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// What importing the built package does before anything is called (dist/ is built by the global
// setup). Its time belongs in npm run bench (scripts/bench/cold-import.mjs); this checks, without a
// clock, that the work moved to first use stays there.
const root = fileURLToPath(new URL('../..', import.meta.url));

function probe(script: string): Record<string, number> {
  const preload = pathToFileURL(join(root, 'test/package/fixtures/count-zod-schemas.mjs')).href;
  const out = execFileSync(process.execPath, ['--import', preload, '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out.trim().split('\n').pop() as string) as Record<string, number>;
}

describe('importing complaint-risk', () => {
  it('builds no zod schema; the first parse builds those it needs', () => {
    const index = pathToFileURL(join(root, 'dist/index.js')).href;
    const counts = probe(`
      const lib = await import(${JSON.stringify(index)});
      const afterImport = globalThis.__zodSchemasMade;
      const scorer = lib.createScorer();
      scorer.score({ channel: 'phone', waitSeconds: 30, text: '我要投诉' });
      const afterScore = globalThis.__zodSchemasMade;
      lib.parseModel(lib.defaultModel);
      console.log(JSON.stringify({ afterImport, afterScore, afterParse: globalThis.__zodSchemasMade }));`);
    expect(counts.afterImport).toBe(0);
    // createScorer checks its options with zod (a small schema); a valid interaction takes the fast check.
    expect(counts.afterScore).toBeGreaterThan(0);
    // The model schema (every feature kind) is many schemas: the probe sees them being made.
    expect(counts.afterParse).toBeGreaterThan((counts.afterScore as number) + 50);
  });

  it('complaint-risk/calibrate builds none either', () => {
    const calibrate = pathToFileURL(join(root, 'dist/calibrate.js')).href;
    const counts = probe(`await import(${JSON.stringify(calibrate)}); console.log(JSON.stringify({ afterImport: globalThis.__zodSchemasMade }));`);
    expect(counts.afterImport).toBe(0);
  });

  it('reads files that are pure ASCII: one non-ASCII character (in a comment) makes Node decode a whole file into a two-byte string', () => {
    const built = readdirSync(join(root, 'dist')).filter((f) => /\.(c?js)$/.test(f));
    expect(built.length).toBeGreaterThan(4);
    for (const file of built) {
      const text = readFileSync(join(root, 'dist', file), 'utf8');
      const at = text.search(/[^\x00-\x7f]/);
      expect(at, `${file}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`).toBe(-1);
    }
  });
});
