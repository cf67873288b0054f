// Peak RSS and throughput of `node dist/cli.js score FILE --jobs N > /dev/null`
// on generated JSONL files of 100 k and 1 M rows, with one job and with two
// (each thread's V8 heap is capped alike). All run with the V8 heap
// capped (--max-old-space-size=32): a CLI that held rows or results in memory
// (1 M results are ~1 GB of JSON; even 32 bytes kept per row is 32 MB) dies of
// out-of-memory, so finishing 1 M rows under the cap shows the memory is bounded.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, openSync, closeSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { distDir } from './child.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FORMAT = 'v1'; // bump when the generated rows change
export const HEAP_CAP_MB = 32;

function rowsFrom(texts) {
  const numeric = (i) => ({ waitSeconds: (i * 37) % 1800, repeatContacts: i % 4, transfers: (i >> 2) % 3, priorComplaints: i % 5 === 0 ? 1 : 0 });
  const channels = ['phone', 'chat', 'email', 'app', '电话', '在线', 'branch', 'social'];
  const rows = [];
  texts.zhShort.forEach((text, i) => rows.push({ channel: channels[i % 8], ...numeric(i), unresolved: i % 2 === 0, text }));
  texts.enShort.forEach((text, i) => rows.push({ channel: channels[(i + 3) % 8], ...numeric(i + 7), text }));
  for (let i = 0; i < 64; i++) rows.push({ channel: channels[i % 8], ...numeric(i + 13) });
  return rows.map((row) => JSON.stringify(row));
}

/** A JSONL file of `lines` valid interactions in the temp dir (reused between runs). */
export async function jsonlFile(lines) {
  const file = join(tmpdir(), `complaint-risk-bench-${FORMAT}-${lines}.jsonl`);
  if (existsSync(file)) return file;
  const rows = rowsFrom(JSON.parse(readFileSync(`${root}fixtures/bench/texts.json`, 'utf8')));
  const partial = `${file}.partial-${process.pid}`;
  const out = createWriteStream(partial);
  const chunk = [];
  for (let i = 0; i < lines; i++) {
    chunk.push(rows[i % rows.length]);
    if (chunk.length === 10_000 || i === lines - 1) {
      if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
      chunk.length = 0;
    }
  }
  out.end();
  await once(out, 'finish');
  renameSync(partial, file);
  return file;
}

function runCli(file, jobs) {
  const rssOut = join(tmpdir(), `complaint-risk-bench-rss-${process.pid}.json`);
  const devNull = openSync('/dev/null', 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${HEAP_CAP_MB}`, '--require', fileURLToPath(new URL('./max-rss-preload.cjs', import.meta.url)), `${distDir()}cli.js`, 'score', file, '--jobs', String(jobs)],
      { stdio: ['ignore', devNull, 'pipe'], env: { ...process.env, BENCH_RSS_OUT: rssOut } },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(devNull);
      // Exit 0 means every row was scored; anything else (an out-of-memory crash included) fails the target.
      const result = existsSync(rssOut) ? JSON.parse(readFileSync(rssOut, 'utf8')) : { maxRssKiB: NaN, ms: NaN };
      rmSync(rssOut, { force: true });
      resolve({ ...result, code, error: code === 0 ? undefined : stderr.trim().split('\n').slice(-3).join(' ') });
    });
  });
}

export async function cliRss(sizes = [100_000, 1_000_000], jobsList = [1, 2]) {
  const results = [];
  for (const jobs of jobsList)
    for (const lines of sizes) {
      const file = await jsonlFile(lines);
      const { maxRssKiB, ms, code, error } = await runCli(file, jobs);
      results.push({ lines, jobs, heapCapMiB: HEAP_CAP_MB, completed: code === 0, exitCode: code, error, peakRssMiB: maxRssKiB / 1024, seconds: ms / 1000, linesPerSecond: lines / (ms / 1000) });
    }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await cliRss(sizes.length > 0 ? sizes : undefined)));
}
