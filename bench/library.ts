// The library under test, as users get it: the built bundle, loaded by Node
// itself. Importing src/ through vitest would measure vite's module transform
// instead (every imported binding becomes a getter call, which made the text
// analyser's inner loop ~10x slower than the shipped build).
// scripts/bench.mjs sets BENCH_DIST to a private copy of dist/ (under
// node_modules, which vitest leaves to Node); run alone, this uses dist/ and
// falls back to src/ with a warning when nothing is built.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Library from '../src/index.js';
import type * as Calibrate from '../src/calibrate.js';
import type { runCli as RunCli } from '../src/cli/run-cli.js';

const dist = process.env.BENCH_DIST || fileURLToPath(new URL('../dist', import.meta.url));

async function load<T>(built: string, source: string): Promise<T> {
  if (existsSync(built)) return (await import(/* @vite-ignore */ pathToFileURL(built).href)) as T;
  console.warn(`bench: ${built} not built; measuring ${source} through vitest's transform (slower than the build)`);
  return (await import(/* @vite-ignore */ source)) as T;
}

export const lib = await load<typeof Library>(`${dist}/index.js`, '../src/index.js');

/** `complaint-risk/calibrate`, built, for fitting suites. */
export const calibrate = await load<typeof Calibrate>(`${dist}/calibrate.js`, '../src/calibrate.js');

/** The CLI's in-process entry, bundled by scripts/bench.mjs (dist/cli.js runs on import, so it cannot serve). */
export const { runCli } = await load<{ runCli: typeof RunCli }>(`${dist}/../run-cli.mjs`, '../src/cli/run-cli.js');
