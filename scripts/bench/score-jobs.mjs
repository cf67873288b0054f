// Rows per second of `node dist/cli.js score FILE --jobs N > /dev/null` on a
// generated 200 k-row JSONL file (the rows of cli-rss.mjs), for each N, with
// the runs interleaved (1, 2, 2, 1, 1, 2, …) so that load from other work on
// a shared machine falls on every N alike. Reports medians of wall and CPU
// time, the speed-up as the median of the paired ratios (the runs of one
// round are seconds apart), the load average around the runs, and whether
// every N wrote the same bytes as --jobs 1. A CPU probe before and after (the
// same busy loop on 1 and on 2 threads) says how much of a second core other
// work left free: 2.0× means two idle cores, 1.0× means one core in all.
// The limit for --jobs 2 is measured in the same rounds: two separate
// `--jobs 1` processes started at once, each on one half of the rows, which
// share nothing (no hand-offs, no ordering, no second isolate in one
// process): what two cores of this machine give for this very work.
// Standalone: `node scripts/bench/score-jobs.mjs [rows=200000] [runs=7]` (uses dist/; build first).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, existsSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { distDir, median } from './child.mjs';
import { jsonlFile } from './cli-rss.mjs';

const preload = fileURLToPath(new URL('./max-rss-preload.cjs', import.meta.url));

/**
 * The first and the second half of `file`'s lines, as two files beside it
 * (made once). Streamed line by line, as sha256 below, so this process stays
 * small (a child's peak RSS starts from its parent's at fork).
 */
async function halves(file, rows) {
  const names = [0, 1].map((h) => file.replace(/\.jsonl$/, `.half${h}.jsonl`));
  if (names.every((name) => existsSync(name))) return names;
  const partials = names.map((name) => `${name}.partial-${process.pid}`);
  const outs = partials.map((partial) => createWriteStream(partial));
  const cut = Math.ceil(rows / 2);
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line === '') continue;
    const out = outs[count++ < cut ? 0 : 1];
    if (!out.write(line + '\n')) await once(out, 'drain');
  }
  await Promise.all(outs.map((out) => (out.end(), once(out, 'finish'))));
  if (count !== rows) throw new Error(`${file}: ${count} lines, not ${rows}`);
  partials.forEach((partial, h) => renameSync(partial, names[h]));
  return names;
}

/** Both halves scored at once by two `--jobs 1` processes: wall time until both end, CPU of both. */
async function runHalves(files) {
  const t0 = process.hrtime.bigint();
  const usages = await Promise.all(files.map((f) => runScore(f, 1)));
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: usages[0].cpuMs + usages[1].cpuMs, maxRssKiB: Math.max(usages[0].maxRssKiB, usages[1].maxRssKiB) };
}

let runCount = 0;

function runScore(file, jobs, out = '/dev/null') {
  // One usage file per run: the two halves run at once.
  const usageOut = join(tmpdir(), `complaint-risk-bench-jobs-${process.pid}-${runCount++}.json`);
  const fd = openSync(out, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, `${distDir()}cli.js`, 'score', file, '--jobs', String(jobs)], {
      stdio: ['ignore', fd, 'pipe'],
      env: { ...process.env, BENCH_RSS_OUT: usageOut },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(fd);
      if (code !== 0 || !existsSync(usageOut)) return reject(new Error(`score --jobs ${jobs} exited ${code}: ${stderr.slice(-500)}`));
      const usage = JSON.parse(readFileSync(usageOut, 'utf8'));
      rmSync(usageOut, { force: true });
      resolve(usage);
    });
  });
}

/** How many cores' worth of a fixed busy loop run at once: 2 × (time on 1 thread) / (time on 2 threads), median of 3. */
export async function parallelCapacity() {
  const spin = 'let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require("node:worker_threads").parentPort.postMessage(x);';
  const timed = async (threads) => {
    const t0 = process.hrtime.bigint();
    await Promise.all(Array.from({ length: threads }, () => new Promise((resolve, reject) => new Worker(spin, { eval: true }).once('message', resolve).once('error', reject))));
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const ratios = [];
  for (let i = 0; i < 3; i++) ratios.push((2 * (await timed(1))) / (await timed(2)));
  return median(ratios);
}

/** Streamed, so this process stays small: a child's peak RSS on Linux starts from its parent's at fork. */
async function sha256(file) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
};

export async function scoreJobs({ rows = 200_000, runs = 7, jobs = [1, 2] } = {}) {
  const file = await jsonlFile(rows);
  // Identity first: every N must write exactly the bytes of --jobs 1.
  const outputs = jobs.map((n) => join(tmpdir(), `complaint-risk-bench-jobs-out-${process.pid}-${n}.jsonl`));
  for (const [i, n] of jobs.entries()) await runScore(file, n, outputs[i]);
  const hashes = await Promise.all(outputs.map(sha256));
  for (const out of outputs) rmSync(out, { force: true });
  const loadBefore = loadavg();
  const capacityBefore = await parallelCapacity();
  const halfFiles = await halves(file, rows);
  const samples = new Map(jobs.map((n) => [n, []]));
  const halvesSamples = [];
  for (let round = 0; round < runs; round++) {
    const order = round % 2 === 0 ? jobs : [...jobs].reverse();
    for (const n of order) samples.get(n).push(await runScore(file, n));
    halvesSamples.push(await runHalves(halfFiles));
  }
  const loadAfter = loadavg();
  const capacityAfter = await parallelCapacity();
  const base = samples.get(jobs[0]);
  const halvesWall = halvesSamples.map((x) => x.ms);
  return {
    rows,
    runs,
    loadAverage: { before: loadBefore, after: loadAfter },
    parallelCapacity: { before: capacityBefore, after: capacityAfter },
    identical: hashes.every((h) => h === hashes[0]),
    byJobs: jobs.map((n) => {
      const s = samples.get(n);
      const wall = s.map((x) => x.ms);
      return {
        jobs: n,
        medianMs: median(wall),
        p25Ms: quantile(wall, 0.25),
        p75Ms: quantile(wall, 0.75),
        medianCpuMs: median(s.map((x) => x.cpuMs)),
        peakRssMiB: median(s.map((x) => x.maxRssKiB)) / 1024,
        rowsPerSecond: rows / (median(wall) / 1000),
        // Paired: each round's --jobs 1 time over its --jobs N time.
        speedup: median(s.map((x, i) => base[i].ms / x.ms)),
      };
    }),
    // The limit: what two processes that share nothing reach on the same rows, paired with each round's --jobs 1.
    independentHalves: {
      medianMs: median(halvesWall),
      p25Ms: quantile(halvesWall, 0.25),
      p75Ms: quantile(halvesWall, 0.75),
      medianCpuMs: median(halvesSamples.map((x) => x.cpuMs)),
      rowsPerSecond: rows / (median(halvesWall) / 1000),
      speedup: median(halvesSamples.map((x, i) => base[i].ms / x.ms)),
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [rows, runs] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await scoreJobs({ rows: rows || undefined, runs: runs || undefined })));
}
