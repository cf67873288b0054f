// The project's vitest config plus what the summary needs: raw samples
// (for quartiles) and a reporter that writes them out.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vitest.config.js';
import { SamplesReporter } from './samples-reporter.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      benchmark: {
        includeSamples: true,
        reporters: ['default', new SamplesReporter()],
      },
    },
  }),
);
