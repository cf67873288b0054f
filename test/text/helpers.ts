import type { TextAnalysis } from '../../src/index.js';

/** The cue kinds found, in text order, as "kind:text". */
export function cueList(a: TextAnalysis): string[] {
  return a.cues.map((c) => `${c.kind}:${c.text}`);
}

export function kinds(a: TextAnalysis): Set<string> {
  return new Set(a.cues.map((c) => c.kind));
}
