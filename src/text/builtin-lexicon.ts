import { BUILTIN_LEXICON } from './lexicon/builtin-lexicon.js';
import { compileLexicon, type CompiledLexicon, type LexiconEntry } from './compiled-lexicon.js';
import { entryCode } from './entry-kind.js';

/** The built-in Chinese + English lexicon, compiled once at load and never changed. */
export const BUILTIN: CompiledLexicon = compileLexicon(parseRows(BUILTIN_LEXICON));

/** Rows of the generated lexicon; `keep` filters by kind name (the evaluation leaves the mined words out to cross-validate them). */
export function parseRows(source: string, keep: (kind: string) => boolean = () => true): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const line of source.split('\n')) {
    const [term, kind, weight, valence] = line.split('\t');
    const code = kind === undefined ? undefined : entryCode(kind);
    if (term === undefined || kind === undefined || code === undefined) throw new Error(`builtin lexicon: bad row ${JSON.stringify(line)}`);
    if (!keep(kind)) continue;
    entries.push({ term, code, weight: Number(weight), valence: Number(valence) });
  }
  return entries;
}
