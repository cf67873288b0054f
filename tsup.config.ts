import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['plugins']>[number];

/**
 * Every output file pure ASCII. esbuild already escapes non-ASCII in strings and
 * patterns; what it leaves is in comments (the Chinese examples of doc comments).
 * A single non-ASCII character makes Node decode the whole file from UTF-8 into a
 * two-byte string, which V8 also scans slower: ~3 ms of the core chunk's import.
 * As `\uXXXX` inside a comment it means the same to a reader.
 */
const asciiOnly: Plugin = {
  name: 'ascii-only',
  renderChunk: (code) => ({ code: code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) }),
};

export default defineConfig([
  {
    // The library entries: platform-neutral so no Node built-in can slip in.
    entry: { index: 'src/index.ts', calibrate: 'src/calibrate.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    treeshake: true,
    // One copy of the core shared by both entries in both formats (a shared chunk): an error thrown by
    // complaint-risk/calibrate is then an instance of the ComplaintRiskInputError that complaint-risk exports,
    // and loading both entries loads the lexicon once. tsup splits ESM by default; CJS needs this.
    splitting: true,
    platform: 'neutral',
    target: 'es2022',
    outDir: 'dist',
    // zod's runtime is bundled, tree-shaken, into the library build: Node loading the zod package's
    // module graph took ~85 ms of a 130 ms import, the same code in our chunk a small part of that.
    // The .d.ts files still import zod's types, so zod stays a dependency (and the CLI's runtime one).
    noExternal: ['zod'],
    plugins: [asciiOnly],
  },
  {
    entry: { cli: 'src/cli/main.ts', 'score-worker': 'src/cli/score-jobs/score-worker.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    outDir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [asciiOnly],
  },
]);
