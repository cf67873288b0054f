// Preloaded (node --require) into the CLI under test: on exit, records the
// process's peak resident set size (getrusage maxrss, KiB) to $BENCH_RSS_OUT.
'use strict';
const { writeFileSync } = require('node:fs');

const target = process.env.BENCH_RSS_OUT;
if (target) {
  const started = process.hrtime.bigint();
  process.on('exit', (code) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    writeFileSync(target, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, ms, code }));
  });
}
