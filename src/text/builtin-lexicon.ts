import { BUILTIN_LEXICON } from './lexicon/builtin-lexicon.js';
import { compileLexicon, type CompiledLexicon, type LexiconEntry } from './compiled-lexicon.js';
import { entryCode } from './entry-kind.js';

/** The built-in Chinese + English lexicon, compiled once at load and never changed. */
export const BUILTIN: CompiledLexicon = compileLexicon(parseRows(BUILTIN_LEXICON));

function parseRows(source: string): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const line of source.split('\n')) {
    const [term, kind, weight, valence] = line.split('\t');
    const code = kind === undefined ? undefined : entryCode(kind);
    if (term === undefined || code === undefined) throw new Error(`builtin lexicon: bad row ${JSON.stringify(line)}`);
    entries.push({ term, code, weight: Number(weight), valence: Number(valence) });
  }
  return entries;
}
