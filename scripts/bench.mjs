#!/usr/bin/env node
// `npm run bench`: builds dist/, runs the vitest bench suites (bench/*.bench.ts)
// and the measurements vitest cannot make (cold import, heap, CLI peak RSS,
// bundle size, 1 KB → 10 MB scaling), prints one markdown summary and saves it
// with the machine and date to bench/RESULTS.md. Needs only the repository and
// its dev dependencies (no ../shared). `--quick` (or BENCH_QUICK=1) runs a short
// smoke version and writes bench/.tmp/RESULTS.quick.md (git-ignored) instead.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { fitMemory as measureFitMemory } from './bench/fit-memory.mjs';
import { runChild } from './bench/child.mjs';
import { coldImport, coldImportPackage } from './bench/cold-import.mjs';
import { bundleSize, importSize } from './bench/bundle-size.mjs';
import { cliRss } from './bench/cli-rss.mjs';
import { heap } from './bench/heap.mjs';
import { serveLoad } from './bench/serve-load.mjs';
import { scoreJobs as measureScoreJobs } from './bench/score-jobs.mjs';
import { buildSummary, detailSections, issue12Rows, table } from './bench/summary.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const started = Date.now();
const loadAtStart = loadavg()[0];
const log = (message) => console.error(`\n[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);

function run(args, env = {}) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** A step that fails is reported in the output and the run goes on. */
async function step(name, fn) {
  log(name);
  try {
    return await fn();
  } catch (error) {
    failures.push(`${name}: ${(error && error.message) || error}`.slice(0, 500));
    console.error(`[bench] ${name} failed: ${error?.message ?? error}`);
    return undefined;
  }
}

const failures = [];

// `npx tsup` as `npm run build` does, then a private copy of dist/ to measure:
// another build running at the same time (the tests rebuild dist/ with
// clean) cannot swap files under a measurement.
const benchDist = join(root, 'node_modules/.cache/complaint-risk-bench/dist');
log('building dist/ (tsup)');
if (run(['node_modules/tsup/dist/cli-default.js', '--silent']) !== 0) {
  console.error('[bench] build failed; nothing to measure');
  process.exit(1);
}
if (!snapshotDist()) {
  log(`dist/ changed while copying it; building straight into ${benchDist.slice(root.length)}`);
  if (run(['node_modules/tsup/dist/cli-default.js', '--silent', '--out-dir', benchDist]) !== 0) process.exit(1);
}
writeFileSync(join(benchDist, 'package.json'), '{ "type": "module" }\n');
// The CLI's in-process entry for bench/cli.bench.ts, bundled like dist/cli.js (which runs on import).
await esbuild({
  entryPoints: [join(root, 'src/cli/run-cli.ts')],
  outfile: join(benchDist, '../run-cli.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
});
process.env.BENCH_DIST = benchDist;

function snapshotDist() {
  rmSync(benchDist, { recursive: true, force: true });
  try {
    cpSync(join(root, 'dist'), benchDist, { recursive: true });
  } catch {
    return false;
  }
  const entries = ['index.js', 'index.cjs', 'cli.js', 'score-worker.js', 'calibrate.js'];
  if (!entries.every((file) => existsSync(join(benchDist, file)))) return false;
  // Files of two different builds (a concurrent rebuild) would name chunks the copy does not have.
  return entries.every((file) =>
    [...readFileSync(join(benchDist, file), 'utf8').matchAll(/from ['"]\.\/([\w.-]+\.js)['"]/g)].every((m) => existsSync(join(benchDist, m[1]))),
  );
}

const stats = await step('vitest bench (bench/*.bench.ts)', () => {
  const out = join(tmpdir(), `complaint-risk-bench-samples-${process.pid}.json`);
  const code = run(['node_modules/vitest/vitest.mjs', 'bench', '--run', '--config', 'bench/vitest.bench.config.ts'], {
    BENCH_SAMPLES_OUT: out,
    SKIP_BUILD: '1', // built just above; the suites import src/ anyway
    BENCH_QUICK: quick ? '1' : '0',
  });
  if (!existsSync(out)) throw new Error(`vitest bench wrote no results (exit ${code})`);
  const parsed = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  if (code !== 0) failures.push(`vitest bench exited ${code}: some suite failed (see its output above); its rows are missing`);
  return parsed;
});

const coldRuns = quick ? 5 : 9;
const cold = await step('cold import (fresh processes)', () => ({ esm: coldImport('esm', coldRuns), cjs: coldImport('cjs', coldRuns) }));
const zodImport = await step('cold import of zod (reference)', () => coldImportPackage('zod', coldRuns));
const heapResult = await step(`heap per call and growth (${quick ? '200 k' : '1 M'} calls)`, () => heap(quick ? 200_000 : 1_000_000));
const bundle = await step('core bundle size (esbuild + gzip)', () => bundleSize());
const parseModelBundle = await step("bundle of `import { parseModel }` (esbuild + gzip)", () => importSize(['parseModel']));
const scaling = await step('analyzeText 1 KB → 10 MB', () => runChild(fileURLToPath(new URL('./bench/scaling-child.mjs', import.meta.url))));
const rss = await step(`CLI peak RSS (${quick ? '10 k / 100 k' : '100 k / 1 M'} rows)`, () => cliRss(quick ? [10_000, 100_000] : [100_000, 1_000_000]));

const scoreJobs = await step(`CLI score --jobs 1 and 2 (${quick ? '50 k rows, 3' : '200 k rows, 7'} interleaved runs each)`, () =>
  measureScoreJobs(quick ? { rows: 50_000, runs: 3 } : { rows: 200_000, runs: 7 }),
);
const fitMemory = await step(`CLI fit peak RSS and time (${quick ? '20 k / 100 k' : '200 k / 1 M'} rows with text, learned terms on and off)`, () =>
  measureFitMemory({ sizes: quick ? [20_000, 100_000] : [200_000, 1_000_000] }),
);
const httpLoad = await step(`HTTP service load: serve with 1 and 2 workers, autocannon ${quick ? '3' : '10'} s per row`, () => serveLoad({ quick }));

// Fitting is the calibration work's benchmark: it prints one JSON line per measurement.
const fitScript = join(root, 'scripts/bench-fit.mjs');
const fit = existsSync(fitScript)
  ? await step('fitting (scripts/bench-fit.mjs)', () => {
      const args = quick ? ['--rows', '100000', '--runs', '1'] : [];
      const result = spawnSync(process.execPath, [fitScript, ...args], { cwd: root, encoding: 'utf8', timeout: 300_000 });
      if (result.status !== 0) throw new Error(`exit ${result.status}: ${(result.stderr ?? '').slice(-500)}`);
      return result.stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line));
    })
  : undefined;

const { rows, ratios } = buildSummary({ stats: stats ?? [], coldImport: cold, zodImport, heap: heapResult, cliRss: rss, bundle, scaling, fit, httpLoad, scoreJobs, fitMemory });
const summary = table(['measure', 'median', 'spread (p25–p75 unless noted)', 'target', 'met'], rows);
const targets = table(['issue-12 measure', 'median (p25–p75)', 'limit, same texts, same run', 'target', 'met'], issue12Rows({ stats: stats ?? [], coldImport: cold, parseModelBundle }));
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()}-${arch()}, Node ${process.version}`;
const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || 'unknown';

const report = [
  `# Benchmark results${quick ? ' (quick smoke run, not for quoting)' : ''}`,
  '',
  `- Date: ${date}`,
  `- Machine: ${machine}; load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end (other work on the machine slows every number)`,
  `- Code: commit ${commit}${spawnSync('git', ['status', '--porcelain', 'src'], { cwd: root, encoding: 'utf8' }).stdout?.trim() ? ' plus uncommitted changes in src/' : ''}`,
  `- Command: \`npm run bench${quick ? ' -- --quick' : ''}\` (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  `- Extra pass on public texts in ../shared/data (bench/shared-data.bench.ts): ${existsSync(join(root, '../shared/data')) ? 'present, included (first 300 texts of each file; throughput only)' : 'absent, skipped'}`,
  '',
  'Throughput is per call, from the median of the benchmark samples (each sample runs a list of',
  'inputs, so timer overhead is spread over many calls); the spread is the 25th–75th percentile.',
  'Bench texts are generated from our own templates (scripts/bench/make-texts.mjs), not public data.',
  '',
  '## Summary',
  '',
  summary,
  '',
  '## Issue 12: each target against its limit',
  '',
  'On the traffic-like texts (URLs, @mentions, #hashtags, emoji, numbers, Latin inside Chinese, Traditional',
  'characters, long chat turns; scripts/bench/make-traffic-texts.mjs). The limit is measured in the same run on',
  'the same texts: the bare scan loop (bench/scan-limit.ts: the lexicon lookups alone, one cue object per match)',
  'for the analyser, the analyser itself (the text scan) for score() and probability().',
  '',
  targets,
  '',
  '## Details',
  '',
  detailSections({ ratios, scaling, cliRss: rss, bundle, heap: heapResult, coldImport: cold, zodImport, httpLoad, scoreJobs }),
  ...(failures.length > 0 ? ['', '## Steps that failed in this run', '', ...failures.map((f) => `- ${f}`)] : []),
  '',
].join('\n');

const target = join(root, quick ? 'bench/.tmp/RESULTS.quick.md' : 'bench/RESULTS.md');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, report);
console.log('\n' + report);
log(`done; saved to ${target.slice(root.length)}`);
process.exitCode = failures.length > 0 ? 1 : 0;
