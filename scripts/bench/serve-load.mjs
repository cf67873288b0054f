// HTTP load on loopback: `complaint-risk serve` with 1 and 2 workers, driven by
// autocannon, for single-interaction and 100-item batch POST /v1/score
// requests with customer text. Reports requests/s, interactions/s and the
// p50/p99 latency. autocannon runs in this process on the same machine, so on
// a 2-core machine it competes with the workers for the CPU.
// Standalone: `node scripts/bench/serve-load.mjs [--quick]` (uses dist/; build first).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { distDir } from './child.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const HEADERS = { 'content-type': 'application/json' };

function bodies() {
  const texts = JSON.parse(readFileSync(`${root}fixtures/bench/texts.json`, 'utf8'));
  const channels = ['phone', 'chat', 'email', 'app', '电话', '在线'];
  const interaction = (i) => ({
    id: `T-${i}`,
    channel: channels[i % channels.length],
    waitSeconds: (i * 37) % 1800,
    repeatContacts: i % 4,
    unresolved: i % 2 === 0,
    text: i % 2 === 0 ? texts.zhShort[(i >> 1) % texts.zhShort.length] : texts.enShort[(i >> 1) % texts.enShort.length],
  });
  return {
    single: Array.from({ length: 16 }, (_, i) => JSON.stringify(interaction(i))),
    batch: Array.from({ length: 4 }, (_, b) => JSON.stringify(Array.from({ length: 100 }, (_, i) => interaction(b * 100 + i)))),
  };
}

function startServer(workers) {
  const child = spawn(process.execPath, [`${distDir()}cli.js`, 'serve', '--port', '0', '--workers', String(workers)], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`serve did not start: ${err.slice(-500)}`))), 30_000);
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop: () => stop(child) });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err.slice(-500)}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

function load(url, requestBodies, { duration, connections }) {
  return autocannon({
    url,
    connections,
    duration,
    requests: requestBodies.map((body) => ({ method: 'POST', path: '/v1/score', headers: HEADERS, body })),
  });
}

/** One row per (workers, request kind): requests/s, interactions/s, p50 and p99 latency in ms. */
export async function serveLoad({ quick = false } = {}) {
  const { single, batch } = bodies();
  const duration = quick ? 3 : 10;
  const connections = 10;
  const rows = [];
  for (const workers of [1, 2]) {
    const server = await startServer(workers);
    try {
      await load(server.url, single, { duration: 1, connections }); // warm-up: JIT, connections
      for (const [kind, requestBodies, items] of [
        ['single', single, 1],
        ['batch of 100', batch, 100],
      ]) {
        const r = await load(server.url, requestBodies, { duration, connections });
        const failed = r.non2xx + r.errors + r.timeouts;
        if (failed > 0) throw new Error(`${kind}, ${workers} workers: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
        rows.push({ workers, kind, items, connections, duration, requestsPerSecond: r.requests.average, itemsPerSecond: r.requests.average * items, p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: r.requests.total });
      }
    } finally {
      await server.stop();
    }
  }
  return rows;
}

export function serveLoadTable(rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const fmt = (n) => (n >= 1e4 ? `${(n / 1e3).toFixed(1)} k` : n >= 100 ? n.toFixed(0) : n.toFixed(1));
  return [
    line(['workers', 'request', 'requests/s', 'interactions/s', 'p50 latency', 'p99 latency']),
    line(['---', '---', '---', '---', '---', '---']),
    ...rows.map((r) => line([r.workers, r.kind, fmt(r.requestsPerSecond), fmt(r.itemsPerSecond), `${r.p50Ms} ms`, `${r.p99Ms} ms`])),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await serveLoad({ quick: process.argv.includes('--quick') });
  console.log(serveLoadTable(rows));
}
