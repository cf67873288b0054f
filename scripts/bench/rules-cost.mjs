// What the analyzer's rules cost on the traffic texts, step by step: the analyzer's own scan built from src/
// four times with esbuild, each with less of the rules, and timed in one process in rotating passes
// (interleaved.mjs), on an analyzer of one's own (rules reused from text to text, as scorers use them):
//   1. as shipped;
//   2. no cue objects: pushCue and insertCue (src/text/cue-list.ts) make nothing (what the evidence costs);
//   3. no entry rules either: SentimentRules.entry only counts the unit (negation, degree, feelings, problems,
//      intent, thanks and their sums);
//   4. no rules at all: bench/no-rules.ts in place of sentiment-rules.ts (what bench/traffic.bench.ts times as
//      "the analyzer's scan without its rules");
// and the bare loop (bench/scan-limit.ts). Variants 2 and 3 give wrong analyses by design: only their speed is
// read.
//   node scripts/bench/rules-cost.mjs [rounds] [zh|en]
import { readFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { quantile, roundRobin } from './interleaved.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const rounds = Number(process.argv[2] ?? 21);
const language = process.argv[3] ?? 'zh';
const texts = JSON.parse(readFileSync(`${root}fixtures/bench/texts.json`, 'utf8')).traffic[language];
const outDir = `${root}node_modules/.cache/complaint-risk-bench/rules-cost/`;
mkdirSync(outDir, { recursive: true });

const ENTRY = `
import { BUILTIN } from '${root}src/text/builtin-lexicon.js';
import { scanText } from '${root}src/text/scan-text.js';
import { SentimentRules } from '${root}src/text/sentiment-rules.js';
const rules = new SentimentRules();
export function analyze(text) {
  return scanText(text, BUILTIN.get(), undefined, undefined, rules).cues.length + 1;
}`;

/** An esbuild plugin that edits one source file on load: each [from, to] must occur (else the variant is stale). */
function edit(file, replacements) {
  return {
    name: `edit ${file}`,
    setup(b) {
      b.onLoad({ filter: new RegExp(`${file.replaceAll('/', '\\/').replaceAll('.', '\\.')}$`) }, (args) => {
        let source = readFileSync(args.path, 'utf8');
        for (const [from, to] of replacements) {
          if (!source.includes(from)) throw new Error(`rules-cost: ${file} no longer holds ${JSON.stringify(from.slice(0, 60))}`);
          source = source.replace(from, to);
        }
        return { contents: source, loader: 'ts' };
      });
    },
  };
}
const NO_CUE_OBJECTS = edit('src/text/cue-list.ts', [
  ['  const cue = { text: text.slice(start, end), start, end, kind, weight };\n  cues.push(cue);\n  return cue;', '  return NO_CUE;'],
  ['export function insertCue(cues: Evidence[], text: string, start: number, end: number, kind: CueKind, weight: number): void {', '$&\n  if (cues !== undefined) return;'],
  ['/** Cue weights and the intensity', "const NO_CUE: Evidence = { text: '', start: 0, end: 0, kind: 'negative', weight: 0.5 };\n/** Cue weights and the intensity"],
]);
const NO_ENTRY_RULES = edit('src/text/sentiment-rules.ts', [
  ['  entry(lexicon: CompiledLexicon, entry: number, id: number, start: number, end: number): void {', '$&\n    if (lexicon !== undefined) {\n      this.unit++;\n      return;\n    }'],
]);
const noRules = `${root}bench/no-rules.ts`;
const NO_RULES = { name: 'no rules', setup: (b) => b.onResolve({ filter: /\/sentiment-rules\.js$/ }, () => ({ path: noRules })) };

async function variant(name, plugins) {
  const outfile = `${outDir}${name}.mjs`;
  await build({ stdin: { contents: ENTRY, loader: 'ts', resolveDir: root }, bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile, logLevel: 'error', plugins });
  return (await import(pathToFileURL(outfile).href)).analyze;
}
await build({ entryPoints: [`${root}bench/scan-limit.ts`], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile: `${outDir}bare.mjs`, logLevel: 'error' });
const { bareScan } = await import(pathToFileURL(`${outDir}bare.mjs`).href);

const variants = [
  ['as shipped', await variant('shipped', [])],
  ['no cue objects', await variant('no-cues', [NO_CUE_OBJECTS])],
  ['no cue objects, no entry rules', await variant('no-entry-rules', [NO_CUE_OBJECTS, NO_ENTRY_RULES])],
  ['no rules at all', await variant('no-rules', [NO_RULES])],
  ['bare scan loop', (t) => bareScan(t).length],
];
const measured = roundRobin(variants.map(([, f]) => [texts, f]), rounds);
const perCall = measured.map((m) => 1e6 / quantile(m.rates, 0.5));
console.log(`${language} traffic texts (${texts.length}), ${rounds} rounds, calls per CPU second (median, p25–p75) and µs a call:`);
variants.forEach(([name], k) => {
  const m = measured[k];
  const step = k === 0 ? '' : `  step from the row above: ${(perCall[k - 1] - perCall[k]).toFixed(3)} µs (${(((perCall[k - 1] - perCall[k]) / perCall[0]) * 100).toFixed(0)} % of as shipped)`;
  console.log(`${name.padEnd(32)} ${(quantile(m.rates, 0.5) / 1e3).toFixed(0).padStart(5)} k/s (${(quantile(m.rates, 0.25) / 1e3).toFixed(0)}–${(quantile(m.rates, 0.75) / 1e3).toFixed(0)})  ${perCall[k].toFixed(3)} µs  ×${quantile(m.ratio, 0.5).toFixed(2)}${step}`);
});
