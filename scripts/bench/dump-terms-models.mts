// Writes the two 5,000-term bench models (bench/fitted-terms-model.ts, bench/terms-model.ts) as JSON
// files for scripts/bench/ab-score.mjs:  npx tsx scripts/bench/dump-terms-models.mts [DIR]  (default /tmp)
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = process.argv[2] ?? '/tmp';
const { fittedTermsModel } = await import('../../bench/fitted-terms-model.js');
const { termsModel } = await import('../../bench/terms-model.js');
writeFileSync(resolve(dir, 'fitted-model.json'), JSON.stringify(fittedTermsModel));
writeFileSync(resolve(dir, 'ngram-model.json'), JSON.stringify(termsModel));
