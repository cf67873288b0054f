// Peak RSS and wall time of `node dist/cli.js fit FILE --label complained`
// on generated labelled CSVs with text (scripts/bench/fit-data.mjs: Chinese
// and English words from our own pools, so learned terms meet tens of
// thousands of candidates), at 200 k and 1 M rows: with learned terms (the
// default) and with --no-terms. `--cv 0` at both sizes (above 300 k rows it is
// the default anyway; 5-fold CV multiplies the fit by six). The target of
// issue 13: 1 M rows with text within 600 MB peak RSS and 60 s.
//
//   node scripts/bench/fit-memory.mjs [--rows 200000,1000000] [--dist DIR] [--no-terms-only]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { distDir } from './child.mjs';
import { fitDataFile, FIT_DATA_FORMAT } from './fit-data.mjs';

/** The V8 heap cap of the runs: generous, so a run shows its real peak rather than dying at the cap. */
export const FIT_HEAP_CAP_MB = 2048;
export const FIT_TARGET = { peakRssMiB: 600 / 1.048576, seconds: 60, rows: 1_000_000 };

function runFit(dist, file, extra) {
  const rssOut = join(tmpdir(), `complaint-risk-fit-rss-${process.pid}.json`);
  const model = join(tmpdir(), `complaint-risk-fit-model-${process.pid}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${FIT_HEAP_CAP_MB}`, '--require', fileURLToPath(new URL('./max-rss-preload.cjs', import.meta.url)), join(dist, 'cli.js'), 'fit', file, '--label', 'complained', '--out', model, '--cv', '0', '--quiet', ...extra],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BENCH_RSS_OUT: rssOut } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const result = existsSync(rssOut) ? JSON.parse(readFileSync(rssOut, 'utf8')) : { maxRssKiB: NaN, ms: NaN, cpuMs: NaN };
      rmSync(rssOut, { force: true });
      rmSync(model, { force: true });
      const auc = /AUC (\d\.\d+)/.exec(stdout)?.[1];
      resolve({ ...result, code, auc: auc === undefined ? undefined : Number(auc), error: code === 0 ? undefined : stderr.trim().split('\n').slice(-3).join(' ') });
    });
  });
}

/** One measurement per (rows, terms) pair. */
export async function fitMemory({ sizes = [200_000, 1_000_000], dist = distDir(), variants = [[], ['--no-terms']] } = {}) {
  const results = [];
  for (const rows of sizes) {
    const file = await fitDataFile(rows, join(tmpdir(), `complaint-risk-fit-${FIT_DATA_FORMAT}-${rows}.csv`));
    for (const extra of variants) {
      const r = await runFit(dist, file, extra);
      results.push({ rows, terms: !extra.includes('--no-terms'), heapCapMiB: FIT_HEAP_CAP_MB, completed: r.code === 0, exitCode: r.code, error: r.error, peakRssMiB: r.maxRssKiB / 1024, seconds: r.ms / 1000, cpuSeconds: r.cpuMs / 1000, auc: r.auc });
      console.error(`[fit-memory] ${rows} rows, terms ${!extra.includes('--no-terms')}: ${(r.maxRssKiB / 1024).toFixed(0)} MiB, ${(r.ms / 1000).toFixed(1)} s, exit ${r.code}`);
    }
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '200000,1000000' }, dist: { type: 'string' }, 'no-terms-only': { type: 'boolean', default: false }, 'terms-only': { type: 'boolean', default: false } } });
  const variants = values['no-terms-only'] ? [['--no-terms']] : values['terms-only'] ? [[]] : [[], ['--no-terms']];
  const results = await fitMemory({ sizes: values.rows.split(',').map(Number), ...(values.dist !== undefined ? { dist: values.dist } : {}), variants });
  for (const r of results) console.log(JSON.stringify(r));
}
