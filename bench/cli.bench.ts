// Batch scoring through the CLI path (JSONL in -> JSONL out), in-process:
// the same readLines / JSON.parse / safeScore / JSON.stringify / backpressure
// code `complaint-risk score` runs, without the process start-up.
import { Readable, Writable } from 'node:stream';
import { bench, describe } from 'vitest';
import { runCli } from './library.js';
import { benchOptions, enShort, numericOnly, zhShort } from './bench-inputs.js';

const LINES = 1000;
const rows = [...zhShort, ...enShort, ...numericOnly];
const jsonl = Array.from({ length: LINES }, (_, i) => JSON.stringify(rows[i % rows.length])).join('\n') + '\n';

function sinkStream(counter: { bytes: number }): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      counter.bytes += chunk.length;
      callback();
    },
  });
}

describe('CLI batch', () => {
  bench(`complaint-risk score, JSONL in -> out (${LINES} calls)`, async () => {
    const counter = { bytes: 0 };
    const stderr = { bytes: 0 };
    const code = await runCli(['score', '-'], {
      stdin: Readable.from([jsonl]),
      stdout: sinkStream(counter),
      stderr: sinkStream(stderr),
    });
    if (code !== 0 || counter.bytes === 0) throw new Error(`CLI batch failed: exit ${code}`);
  }, benchOptions(1500));
});
