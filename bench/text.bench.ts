// analyzeText throughput, side by side with the sentiment libraries a team
// would otherwise use, on the same texts in the same run. The peers read
// English only, so the Chinese group has no peers.
import { bench, describe } from 'vitest';
import { lib } from './library.js';
import { benchOptions, enShort, mixedStrings, sink, texts } from './bench-inputs.js';
import { loadPeers } from './peers.js';
import type { Interaction } from '../src/index.js';

const options = benchOptions();
const peers = loadPeers();
const scorer = lib.createScorer();
const { analyzeText } = lib;

function analyzeAll(list: readonly string[]): void {
  let total = 0;
  for (let i = 0; i < list.length; i++) total += analyzeText(list[i] as string).sentiment;
  sink.value += total;
}

function peerAll(peer: (text: string) => number, list: readonly string[]): void {
  let total = 0;
  for (let i = 0; i < list.length; i++) total += peer(list[i] as string);
  sink.value += total;
}

describe('zh short texts', () => {
  bench(`analyzeText (${texts.zhShort.length} calls)`, () => analyzeAll(texts.zhShort), options);
});

describe('en short texts', () => {
  bench(`analyzeText (${texts.enShort.length} calls)`, () => analyzeAll(texts.enShort), options);
  bench(`score() with explanations (${enShort.length} calls)`, () => {
    let total = 0;
    for (let i = 0; i < enShort.length; i++) total += scorer.score(enShort[i] as Interaction).probability;
    sink.value += total;
  }, options);
  for (const [name, peer] of peers) {
    bench(`${name} (${texts.enShort.length} calls)`, () => peerAll(peer, texts.enShort), options);
  }
});

describe('mixed 2,000-char transcripts', () => {
  bench(`analyzeText (${mixedStrings.length} calls)`, () => analyzeAll(mixedStrings), options);
  for (const [name, peer] of peers) {
    bench(`${name} (${mixedStrings.length} calls)`, () => peerAll(peer, mixedStrings), options);
  }
});
