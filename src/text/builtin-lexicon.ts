import { HASHTAG_WORDS, KIND_NAMES, KIND_OF, TERMS, VALENCES, WEIGHTS } from './lexicon/builtin-lexicon.js';
import { compileColumns, type CompiledLexicon, type LexiconEntry } from './compiled-lexicon.js';
import { entryCode } from './entry-kind.js';
import { WriteOnce } from '../core/write-once.js';
import { unpackNumbers, unzigzag } from './packed-numbers.js';

/** The built-in Chinese + English lexicon, compiled on first use (not at import) and never changed. */
// Pure: a bundle that never reads text (parseModel alone) drops it, and the lexicon data with it.
export const BUILTIN: WriteOnce<CompiledLexicon> = /* @__PURE__ */ new WriteOnce(compileBuiltin);

function compileBuiltin(): CompiledLexicon {
  const codes = kindCodes();
  const kindCode = new Uint8Array(KIND_OF.length);
  for (let i = 0; i < KIND_OF.length; i++) kindCode[i] = codes[KIND_OF.charCodeAt(i) - 0x41] as number;
  const { weights, valences } = weightsAndValences();
  return compileColumns(TERMS.split('\n'), kindCode, weights, valences, builtinHashtagWords());
}

/** The entries' weights and valences, from the packed thousandths of the generated module. */
function weightsAndValences(): { weights: Float64Array; valences: Float64Array } {
  const weightSteps = unpackNumbers(WEIGHTS);
  const valenceSteps = unpackNumbers(VALENCES);
  const weights = new Float64Array(weightSteps.length);
  const valences = new Float64Array(weightSteps.length);
  for (let i = 0; i < weightSteps.length; i++) {
    const thousandths = unzigzag(weightSteps[i] as number);
    weights[i] = thousandths / 1000;
    valences[i] = (thousandths + unzigzag(valenceSteps[i] as number)) / 1000;
  }
  return { weights, valences };
}

function kindCodes(): number[] {
  return KIND_NAMES.map((kind) => {
    const code = entryCode(kind);
    if (code === undefined) throw new Error(`builtin lexicon: unknown kind ${kind}`);
    return code;
  });
}

/** Entries of the generated lexicon; `keep` filters by kind name (the evaluation leaves the mined words out to cross-validate them). */
export function builtinEntries(keep: (kind: string) => boolean = () => true): LexiconEntry[] {
  const terms = TERMS.split('\n');
  const codes = kindCodes();
  const { weights, valences } = weightsAndValences();
  const entries: LexiconEntry[] = [];
  for (let i = 0; i < terms.length; i++) {
    const k = KIND_OF.charCodeAt(i) - 0x41;
    if (!keep(KIND_NAMES[k] as string)) continue;
    entries.push({ term: terms[i] as string, code: codes[k] as number, weight: weights[i] as number, valence: valences[i] as number });
  }
  return entries;
}

/** Words a hashtag may be split into beyond those of the built-in terms (a function, so nothing is split at import). */
export function builtinHashtagWords(): string[] {
  return HASHTAG_WORDS.split('\n');
}
