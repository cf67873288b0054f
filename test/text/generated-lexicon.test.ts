import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generatedLexiconFiles } from '../../scripts/lexicon/generated-files.js';

describe('generated lexicon files', () => {
  it('regenerate byte for byte from scripts/lexicon (npm run check:lexicon does the same)', () => {
    const { files } = generatedLexiconFiles();
    expect(files.size).toBeGreaterThanOrEqual(2);
    for (const [path, content] of files) expect(readFileSync(path, 'utf8') === content, `${path} is stale: run npm run build:lexicon`).toBe(true);
  });
});
