// Issue-12 targets on texts with what real traffic carries (URLs, @mentions,
// #hashtags, emoji, numbers, Latin inside Chinese, Traditional characters,
// long chat turns: scripts/bench/make-traffic-texts.mjs), with the peers and
// the bare scan loop (bench/scan-limit.ts) on the same texts in the same run.
import { bench, describe } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { lib } from './library.js';
import { benchOptions, sink, texts } from './bench-inputs.js';
import { loadPeers } from './peers.js';
import type { Interaction, Turn } from '../src/index.js';

interface Traffic {
  zh: string[];
  en: string[];
  longChats: Turn[][];
}
const traffic = (texts as unknown as { traffic: Traffic }).traffic;

// The limit loop bundled as dist/ is (vitest's transform would time getter calls instead).
const outDir = fileURLToPath(new URL('../node_modules/.cache/complaint-risk-bench/', import.meta.url));
mkdirSync(outDir, { recursive: true });
await build({ entryPoints: [fileURLToPath(new URL('./scan-limit.ts', import.meta.url))], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile: `${outDir}scan-limit.mjs`, logLevel: 'silent' });
const { bareScan } = (await import(pathToFileURL(`${outDir}scan-limit.mjs`).href)) as typeof import('./scan-limit.js');
// The analyzer's own scan with its rules as no-ops: the same bundling, with sentiment-rules.js resolved to no-rules.ts.
const noRules = fileURLToPath(new URL('./no-rules.ts', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('./rules-free-scan.ts', import.meta.url))],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  outfile: `${outDir}rules-free-scan.mjs`,
  logLevel: 'silent',
  plugins: [{ name: 'no-rules', setup: (b) => b.onResolve({ filter: /\/sentiment-rules\.js$/ }, () => ({ path: noRules })) }],
});
const { rulesFreeScan } = (await import(pathToFileURL(`${outDir}rules-free-scan.mjs`).href)) as typeof import('./rules-free-scan.js');

const options = benchOptions();
const peers = loadPeers();
const scorer = lib.createScorer();
const ownAnalyzer = lib.createTextAnalyzer();
const CHANNELS = ['social', 'app', 'chat', 'phone', '在线', 'email'] as const;
const signals = (i: number) => ({ waitSeconds: (i * 53) % 2400, repeatContacts: i % 3, transfers: (i >> 1) % 3, unresolved: i % 2 === 0 });

const zhInteractions: Interaction[] = traffic.zh.map((text, i) => ({ channel: CHANNELS[i % CHANNELS.length] as Interaction['channel'], ...signals(i), text }));
const enInteractions: Interaction[] = traffic.en.map((text, i) => ({ channel: CHANNELS[i % CHANNELS.length] as Interaction['channel'], ...signals(i), text }));
const chatInteractions: Interaction[] = traffic.longChats.map((turns, i) => ({ channel: 'chat', ...signals(i), text: turns }));
const chatStrings = traffic.longChats.map((turns) => turns.filter((t) => t.speaker === 'customer').map((t) => t.text).join('\n'));

function each<T>(list: readonly T[], f: (x: T) => number): void {
  let total = 0;
  for (let i = 0; i < list.length; i++) total += f(list[i] as T);
  sink.value += total;
}

function suite(title: string, strings: readonly string[], interactions: readonly Interaction[], withPeers: boolean): void {
  describe(title, () => {
    bench(`bare scan loop (${strings.length} calls)`, () => each(strings, (t) => bareScan(t).length), options);
    bench(`the analyzer's scan without its rules (${strings.length} calls)`, () => each(strings, rulesFreeScan), options);
    bench(`analyzeText (${strings.length} calls)`, () => each(strings, (t) => lib.analyzeText(t).sentiment), options);
    // An analyzer of the caller's own keeps its scan state from text to text (analyzeText's shared one may not).
    bench(`createTextAnalyzer().analyze (${strings.length} calls)`, () => each(strings, (t) => ownAnalyzer.analyze(t).sentiment), options);
    bench(`score() with explanations (${interactions.length} calls)`, () => each(interactions, (x) => scorer.score(x).factors.length), options);
    bench(`probability() (${interactions.length} calls)`, () => each(interactions, (x) => scorer.probability(x)), options);
    if (withPeers) for (const [name, peer] of peers) bench(`${name} (${strings.length} calls)`, () => each(strings, peer), options);
  });
}

suite('traffic: zh posts', traffic.zh, zhInteractions, false);
suite('traffic: en posts', traffic.en, enInteractions, true);
suite('traffic: long chats', chatStrings, chatInteractions, true);
