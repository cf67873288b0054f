// The inputs every suite shares: texts from fixtures/bench/texts.json (our own
// templates, see scripts/bench/make-texts.mjs) turned into interactions.
// Each bench iteration runs a whole list, so the timer's own cost (~50 ns)
// is spread over many calls; ops/s per call = hz × list length.
import { readFileSync } from 'node:fs';
import type { Interaction, Turn } from '../src/index.js';

interface BenchTexts {
  zhShort: string[];
  enShort: string[];
  mixedTranscripts: Turn[][];
}

export const texts: BenchTexts = JSON.parse(
  readFileSync(new URL('../fixtures/bench/texts.json', import.meta.url), 'utf8'),
) as BenchTexts;

const CHANNELS = ['phone', 'chat', 'email', 'app', '电话', '在线', 'branch', 'social'] as const;

/** The four numeric signals the targets speak of, varied per row. */
function numeric(i: number): Omit<Interaction, 'channel' | 'text'> {
  return {
    waitSeconds: (i * 37) % 1800,
    repeatContacts: i % 4,
    transfers: (i >> 2) % 3,
    priorComplaints: i % 5 === 0 ? 1 : 0,
  };
}

const channel = (i: number): Interaction['channel'] => CHANNELS[i % CHANNELS.length] as Interaction['channel'];

export const numericOnly: Interaction[] = Array.from({ length: 64 }, (_, i) => ({ channel: channel(i), ...numeric(i) }));
export const zhShort: Interaction[] = texts.zhShort.map((text, i) => ({ channel: channel(i), ...numeric(i), text }));
export const enShort: Interaction[] = texts.enShort.map((text, i) => ({ channel: channel(i), ...numeric(i), text }));
export const mixedTranscripts: Interaction[] = texts.mixedTranscripts.map((turns, i) => ({
  channel: channel(i),
  ...numeric(i),
  unresolved: true,
  text: turns,
}));
/** The same transcripts as one string each (customer and agent turns), for text-only analysers. */
export const mixedStrings: string[] = texts.mixedTranscripts.map((turns) => turns.map((t) => t.text).join('\n'));

/** What a pipeline receives: JSON strings, a few of them invalid in different ways. */
export const untrustedJson: string[] = [
  ...zhShort.slice(0, 28).map((x) => JSON.stringify(x)),
  ...enShort.slice(0, 28).map((x) => JSON.stringify(x)),
  JSON.stringify({ channel: 'fax', waitSeconds: 10 }),
  JSON.stringify({ channel: 'phone', waitSeconds: -5 }),
  JSON.stringify({ channel: 'chat', repeatContacts: 1.5, text: 'hello' }),
  JSON.stringify({ channel: 'email', unknownKey: true }),
  JSON.stringify({ waitSeconds: 'NaN' }),
  JSON.stringify([1, 2, 3]),
  JSON.stringify({ channel: 'app', text: [{ speaker: 'bot', text: 'hi' }] }),
  JSON.stringify(null),
];

/** Per-benchmark timing; BENCH_QUICK=1 (npm run bench -- --quick) shortens it for a smoke run. */
export function benchOptions(timeMs = 700): { time: number; warmupTime: number } {
  return process.env.BENCH_QUICK === '1' ? { time: 100, warmupTime: 30 } : { time: timeMs, warmupTime: 200 };
}

/** A consumer of results, so the optimiser cannot drop the work. */
export const sink = { value: 0 };
