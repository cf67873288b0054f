// The project's vitest config plus what the summary needs: raw samples
// (for quartiles) and a reporter that writes them out.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vitest.config.js';
import { SamplesReporter } from './samples-reporter.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // One suite at a time: suites running side by side on a 2-core machine would time each other.
      fileParallelism: false,
      // The built library is loaded by Node as is, not through vite's transform (see bench/library.ts).
      server: { deps: { external: [/\/dist\//] } },
      benchmark: {
        includeSamples: true,
        reporters: ['default', new SamplesReporter()],
      },
    },
  }),
);
