/**
 * Generates the committed lexicon files under src/text/lexicon/.
 *   npm run build:lexicon   writes them
 *   npm run check:lexicon   fails when regenerating would change a byte
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { generatedLexiconFiles } from './lexicon/generated-files.js';

const check = process.argv.includes('--check');
const { files, warnings } = generatedLexiconFiles();
for (const w of warnings) console.warn(`warning: ${w}`);
let stale = 0;
for (const [path, content] of files) {
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === content) {
    console.log(`${path}: up to date`);
    continue;
  }
  if (check) {
    stale++;
    console.error(`${path}: differs from what scripts/lexicon generates; run npm run build:lexicon`);
  } else {
    writeFileSync(path, content);
    console.log(`${path}: written (${content.length} chars)`);
  }
}
if (stale > 0) process.exit(1);
