// An extra pass on public, human-written texts when ../shared/data is present
// (it is not part of the repository; a fresh clone skips this file's suites).
// The texts are read at run time and never copied; only throughput is reported.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { lib } from './library.js';
import { benchOptions, sink } from './bench-inputs.js';
import { loadPeers } from './peers.js';
import { parseCsv } from '../scripts/eval/read-data.js';

const DIR = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const LIMIT = 300;
const present = existsSync(DIR);

function column(file: string, separator: string, index: number): string[] {
  if (!present || !existsSync(DIR + file)) return [];
  return parseCsv(readFileSync(DIR + file, 'utf8'), separator)
    .slice(1)
    .map((r) => r[index] ?? '')
    .filter((t) => t.length > 0)
    .slice(0, LIMIT);
}

const zhReviews = column('chnsenticorp_htl_zh.csv', ',', 1);
const enComplaints = column('complaints_en_train.csv', ',', 1);
const enTweets = column('vader_tweets_en.tsv', '\t', 2);
const peers = present ? loadPeers() : [];
const { analyzeText } = lib;
const options = benchOptions(500);

function run(fn: (text: string) => number, list: readonly string[]): void {
  let total = 0;
  for (let i = 0; i < list.length; i++) total += fn(list[i] as string);
  sink.value += total;
}

const sets: Array<[string, string[], boolean]> = [
  ['shared data: zh hotel reviews', zhReviews, false],
  ['shared data: en complaint tweets', enComplaints, true],
  ['shared data: en VADER tweets', enTweets, true],
];

for (const [group, list, english] of sets) {
  describe.skipIf(list.length === 0)(group, () => {
    bench(`analyzeText (${list.length} calls)`, () => run((t) => analyzeText(t).sentiment, list), options);
    if (english) {
      for (const [name, peer] of peers) bench(`${name} (${list.length} calls)`, () => run(peer, list), options);
    }
  });
}
