import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { quantile, roundRobin } from '/work/main/scripts/bench/interleaved.mjs';
const root = '/work/main/';
const texts = JSON.parse(readFileSync(`${root}fixtures/bench/texts.json`, 'utf8')).traffic[process.argv[3] ?? 'zh'];
const ENTRY = `import { BUILTIN } from '${root}src/text/builtin-lexicon.js';
import { scanText } from '${root}src/text/scan-text.js';
import { SentimentRules } from '${root}src/text/sentiment-rules.js';
const rules = new SentimentRules();
export function analyze(text) { return scanText(text, BUILTIN.get(), undefined, undefined, rules).cues.length + 1; }`;
const edit = (file, reps) => ({ name: file, setup(b) { b.onLoad({ filter: new RegExp(file.replaceAll('/', '\\/').replaceAll('.', '\\.') + '$') }, (a) => { let s = readFileSync(a.path, 'utf8'); for (const [f, t] of reps) { if (!s.includes(f)) throw new Error('missing ' + f); s = s.replace(f, t); } return { contents: s, loader: 'ts' }; }); } });
const PUSH = '  const cue = { text: text.slice(start, end), start, end, kind, weight };\n  cues.push(cue);\n  return cue;';
const variants = {
  shipped: [],
  noPush: [edit('src/text/cue-list.ts', [[PUSH, '  const cue = { text: text.slice(start, end), start, end, kind, weight };\n  return cue;']])],
  smiWeight: [edit('src/text/cue-list.ts', [[PUSH, '  const cue = { text: text.slice(start, end), start, end, kind, weight: 1 };\n  cues.push(cue);\n  return cue;']])],
  noSlice: [edit('src/text/cue-list.ts', [[PUSH, "  const cue = { text: 'x', start, end, kind, weight };\n  cues.push(cue);\n  return cue;"]])],
  presized: [edit('src/text/sentiment-rules.ts', [['  reset(): void {\n    this.cues = [];', '  reset(): void {\n    this.cues = new Array(8); this.cues.length = 0;']])],
};
const names = (process.argv[4] ?? Object.keys(variants).join(',')).split(',');
const fns = [];
for (const n of names) {
  const outfile = `/tmp/var/adhoc-${n}.mjs`;
  await build({ stdin: { contents: ENTRY, loader: 'ts', resolveDir: root }, bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile, logLevel: 'error', plugins: variants[n] });
  fns.push([texts, (await import(pathToFileURL(outfile).href)).analyze]);
}
const m = roundRobin(fns, Number(process.argv[2] ?? 15));
names.forEach((n, k) => console.log(n.padEnd(12), (quantile(m[k].rates, 0.5) / 1e3).toFixed(0), 'k/s  ×', quantile(m[k].ratio, 0.5).toFixed(3), `(${quantile(m[k].ratio, 0.25).toFixed(3)}–${quantile(m[k].ratio, 0.75).toFixed(3)})`));
