// Preloaded (node --require) into the CLI under test: on exit, records the
// process's peak resident set size (getrusage maxrss, KiB), its wall time and
// its CPU time (user + system, all threads) to $BENCH_RSS_OUT.
'use strict';
const { writeFileSync } = require('node:fs');

const target = process.env.BENCH_RSS_OUT;
if (target) {
  const started = process.hrtime.bigint();
  process.on('exit', (code) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKiB: usage.maxRSS, ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, code }));
  });
}
