import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { bundleApp } from '../../scripts/bench/app-bundle.mjs';

// What an application's bundler keeps of the built package for a given import: importing
// only parseModel (or only types) must not bring the lexicon along (dist/ is built by the
// global setup). Sizes belong in npm run bench; this checks what is in the bundle.
const root = fileURLToPath(new URL('../..', import.meta.url));

async function bundled(source: string): Promise<string> {
  return new TextDecoder().decode(await bundleApp(source, root));
}

/** Entries of the built-in lexicon (hashtags and a phrase no other code holds). */
const LEXICON_MARKS = ['#customerservicefail', '#neveragain'];

/** A method name of the scanner's rules (property names survive minification). */
const SCANNER_MARK = 'lowerCaseWord';

describe('what a bundle of the package holds', () => {
  it('createScorer brings the lexicon (the check sees it where it is)', async () => {
    const code = await bundled(`import { createScorer } from './dist/index.js'; console.log(createScorer().score({ channel: 'chat', text: 'hi' }).band);`);
    for (const mark of LEXICON_MARKS) expect(code).toContain(mark);
    expect(code).toContain(SCANNER_MARK);
  });

  it('parseModel alone brings no lexicon and no scanner', async () => {
    const code = await bundled(`import { parseModel } from './dist/index.js'; console.log(parseModel);`);
    for (const mark of LEXICON_MARKS) expect(code).not.toContain(mark);
    expect(code).not.toContain(SCANNER_MARK);
  });

  it('types alone bring nothing', async () => {
    const code = await bundled(`import type { RiskResult, Model } from './dist/index.js'; const r: RiskResult | Model | undefined = undefined; console.log(r);`);
    expect(code.length).toBeLessThan(100);
  });
});
