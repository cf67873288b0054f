// analyzeText and score() on texts from 1 KB to 10 MB (mixed zh/en, built by
// repeating the bench transcripts): time per input character, and whether the
// analyser capped the text (truncated). Linear time shows as a flat ns/char;
// past the cap, ns/char falls because only the first LIMITS.maxTextChars are read.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { distDir } from './child.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { analyzeText, createScorer, LIMITS } = await import(`${distDir()}index.js`);
const texts = JSON.parse(readFileSync(`${root}fixtures/bench/texts.json`, 'utf8'));
const source = texts.mixedTranscripts.map((turns) => turns.map((t) => t.text).join('\n')).join('\n');
const SIZES = [1e3, 1e4, 1e5, 1e6, 1e7];

function textOf(chars) {
  let out = '';
  while (out.length < chars) out += source;
  return out.slice(0, chars);
}

function timeIt(fn) {
  fn(); // warm
  const samples = [];
  const started = performance.now();
  while (samples.length < 5 || (performance.now() - started < 300 && samples.length < 2000)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

const scorer = createScorer();
const rows = [];
for (const chars of SIZES) {
  const text = textOf(chars);
  const analysis = analyzeText(text);
  const analyzeMs = timeIt(() => analyzeText(text));
  const scoreMs = timeIt(() => scorer.score({ channel: 'chat', text }));
  rows.push({
    chars,
    analyzeMs,
    analyzeNsPerChar: (analyzeMs * 1e6) / chars,
    scoreMs,
    scoreNsPerChar: (scoreMs * 1e6) / chars,
    truncated: analysis.truncated,
    cues: analysis.cues.length,
  });
}
console.log(JSON.stringify({ maxTextChars: LIMITS.maxTextChars, rows }));
