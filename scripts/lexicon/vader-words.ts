import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * English valence words from the VADER lexicon (Hutto & Gilbert 2014, MIT),
 * as shipped in the vader-sentiment package (Apache-2.0), read at build time
 * only. Kept: plain words (letters, inner apostrophes and hyphens) and
 * emoticons that start with punctuation. Dropped: entries with ! or ? (the
 * analyzer counts those as runs) and entries starting with a digit.
 */
export function vaderWords(): Array<{ term: string; valence: number }> {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('vader-sentiment/package.json'));
  const text = readFileSync(join(dir, 'vader_lexicon.txt'), 'utf8');
  const out: Array<{ term: string; valence: number }> = [];
  for (const line of text.split('\n')) {
    const [term, mean] = line.split('\t');
    if (term === undefined || mean === undefined) continue;
    const valence = Number(mean);
    if (!Number.isFinite(valence) || valence === 0) continue;
    if (!isWord(term) && !isEmoticon(term)) continue;
    out.push({ term: term.toLowerCase(), valence });
  }
  return out;
}

function isWord(term: string): boolean {
  return /^[a-z](?:[a-z'-]*[a-z])?$/.test(term);
}

function isEmoticon(term: string): boolean {
  return term.length >= 2 && /^[^a-z0-9\s!?]/i.test(term) && !/[!?\s\t]/.test(term);
}
