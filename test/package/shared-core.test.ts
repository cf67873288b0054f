import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Runs a script in a fresh Node process (dist/ is built by the global setup) and returns what it printed as JSON. */
function run(script: string, type: 'module' | 'commonjs'): Record<string, unknown> {
  const out = execFileSync(process.execPath, [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', script], { cwd: dist, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, unknown>;
}

const check = (load: string): string => `${load}
let instance = false;
try { calibrate.fit([{ channel: 'phone', label: 1 }], { standardErrors: 'bogus' }); } catch (error) { instance = error instanceof core.ComplaintRiskInputError; }
const model = calibrate.withBands(core.defaultModel, { high: 0.4 });
console.log(JSON.stringify({ instance, sameDefault: calibrate.fit !== undefined && core.parseModel(model).id === model.id }));`;

describe('one copy of the core for both entries (issue 15, item 18)', () => {
  it('ESM: an error thrown by complaint-risk/calibrate is an instance of the core entry\'s class', () => {
    expect(run(check(`import * as core from './index.js'; import * as calibrate from './calibrate.js';`), 'module')).toEqual({ instance: true, sameDefault: true });
  });

  it('CJS: the same with require, through one shared chunk', () => {
    expect(run(check(`const core = require('./index.cjs'); const calibrate = require('./calibrate.cjs');`), 'commonjs')).toEqual({ instance: true, sameDefault: true });
    // The lexicon (the bulk of the core) is in one file that both entries require.
    for (const entry of ['index.cjs', 'calibrate.cjs', 'index.js', 'calibrate.js']) expect(readFileSync(`${dist}${entry}`, 'utf8'), entry).not.toMatch(/class ComplaintRiskInputError/);
  });
});
