// Live sessions: what one addTurn costs when the session is already 10,
// 1,000 or 10,000 turns long. Each iteration replays a whole session through
// addTurn, so per call = the amortised cost of a turn; a cost that grew with
// the session's length would show as a falling rate from row to row.
// Run alone: `npx vitest bench --run --config bench/vitest.bench.config.ts bench/session.bench.ts`.
import { bench, describe } from 'vitest';
import { lib } from './library.js';
import { benchOptions, sink, texts } from './bench-inputs.js';
import type { Turn } from '../src/index.js';

/** Turns of the bench transcripts, in order, repeated to the length asked: customer and agent, cue-dense and calm. */
function turns(n: number): Turn[] {
  const pool = texts.mixedTranscripts.flat();
  return Array.from({ length: n }, (_, i) => pool[i % pool.length] as Turn);
}

function replay(list: readonly Turn[]): void {
  const session = lib.createSession({ channel: 'chat', waitSeconds: 40 });
  let total = 0;
  for (let i = 0; i < list.length; i++) total += session.addTurn(list[i] as Turn).probability;
  sink.value += total;
}

describe('live session addTurn', () => {
  for (const n of [10, 1_000, 10_000]) {
    const list = turns(n);
    bench(`session of ${n.toLocaleString('en')} turns (${n.toLocaleString('en')} calls)`, () => replay(list), n >= 10_000 ? { ...benchOptions(2_000), iterations: 3 } : benchOptions());
  }
});
