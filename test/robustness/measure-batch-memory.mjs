#!/usr/bin/env node
// Peak memory of `complaint-risk score` on growing JSONL files (not a test:
// run it by hand after `npm run build`):
//
//   node test/robustness/measure-batch-memory.mjs [maxRows=1000000]
//   CLI=/tmp/cli.js node test/robustness/measure-batch-memory.mjs
//
// Writes files of 10 k, 100 k and maxRows lines (good rows mixed with invalid
// JSON, invalid fields and empty lines) to the temp directory, scores each
// with the built CLI, and prints the peak RSS the child reported at exit.
// Streaming with backpressure shows as a flat peak: 1 M rows should need
// about what 10 k rows need. A second run per size leaves the child's
// standard output unread for 3 s (a stalled consumer), which must not grow
// the peak either. A third run caps the V8 heap at 24 MB: finishing 1 M rows
// under that cap shows the heap does not grow with the input.
import { spawn } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// CLI=path/to/cli.js measures a copy (other builds may rewrite dist/ meanwhile).
const cli = process.env.CLI ?? join(root, 'dist/cli.js');
const maxRows = Number(process.argv[2] ?? 1_000_000);
const REPORT_RSS = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss_kb="+process.resourceUsage().maxRSS+"\\n"))';

const ROWS = [
  JSON.stringify({ channel: 'phone', waitSeconds: 540, repeatContacts: 2, text: '我要投诉，等了半小时还没人处理！' }),
  JSON.stringify({ channel: 'chat', text: [{ speaker: 'customer', text: 'still waiting for my refund, this is unacceptable' }, { speaker: 'agent', text: 'Sorry, let me check.' }] }),
  '{"channel": "phone", "waitSeconds": ',
  JSON.stringify({ channel: 'fax', waitSeconds: -1 }),
  '',
  JSON.stringify({ channel: '网点', waitSeconds: 1200, transfers: 1, unresolved: true, text: 'Thanks, all good.' }),
];

async function writeFile(path, rows) {
  const out = createWriteStream(path);
  for (let i = 0; i < rows; i++) {
    if (!out.write(ROWS[i % ROWS.length] + '\r\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function run(path, stallMs, heapMb) {
  const heap = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const child = spawn(process.execPath, [...heap, '--import', REPORT_RSS, cli, 'score', path], { stdio: ['ignore', 'pipe', 'pipe'] });
  let lines = 0;
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  if (stallMs > 0) {
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), stallMs);
  }
  child.stdout.on('data', (c) => {
    for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) lines++;
  });
  const started = Date.now();
  const [code] = await once(child, 'close');
  const rss = Number(/maxrss_kb=(\d+)/.exec(stderr)?.[1] ?? NaN);
  return { code, lines, rssMb: rss / 1024, seconds: (Date.now() - started) / 1000, stderr };
}

const sizes = [10_000, 100_000, maxRows].filter((n, i, all) => n <= maxRows && all.indexOf(n) === i);
console.log('rows\tstall\theap cap\texit\toutput lines\tpeak RSS (MB)\tseconds');
for (const rows of sizes) {
  const path = join(tmpdir(), `complaint-risk-rss-${rows}.jsonl`);
  await writeFile(path, rows);
  for (const [stall, heapMb] of [[0, 0], [3000, 0], [0, 24]]) {
    const r = await run(path, stall, heapMb);
    console.log(`${rows}\t${stall ? 'yes' : 'no'}\t${heapMb ? heapMb + ' MB' : '-'}\t${r.code}\t${r.lines}\t${r.rssMb.toFixed(1)}\t${r.seconds.toFixed(1)}`);
    if (r.lines !== rows) console.log(`  !! ${rows} input lines but ${r.lines} output lines\n${r.stderr.slice(0, 2000)}`);
  }
  rmSync(path);
}
