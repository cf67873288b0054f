import { builtinRows, renderLexiconModule, renderTraditionalModule } from './compile-lexicon.js';
import { traditionalCharMap } from './traditional-map.js';

/** Path (from the project root) → exact content of every generated lexicon file. */
export function generatedLexiconFiles(): { files: Map<string, string>; warnings: string[] } {
  const { rows, warnings } = builtinRows();
  const files = new Map<string, string>([
    ['src/text/lexicon/builtin-lexicon.ts', renderLexiconModule(rows)],
    ['src/text/lexicon/traditional-map.ts', renderTraditionalModule(traditionalCharMap())],
  ]);
  return { files, warnings };
}
