// Run with the built-ins blocked: imports the built library and uses every
// entry point. argv: the URLs of dist/index.js and dist/calibrate.js.
// Prints one JSON line to standard output (process.stdout is the host's, not the library's).
const [indexUrl, calibrateUrl] = process.argv.slice(2);
const globalsBefore = new Set(Object.getOwnPropertyNames(globalThis));
const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

const lib = await import(indexUrl);
const calibrate = await import(calibrateUrl);

const scorer = lib.createScorer();
const result = scorer.score({ channel: '电话', waitSeconds: 900, repeatContacts: 2, text: '我要投诉！等了半小时 and no refund' });
const bad = scorer.safeScore({ channel: 'phone', waitSeconds: Number.NaN });
const analysis = lib.analyzeText([{ speaker: 'customer', text: '太差了，我要投诉' }, { speaker: 'agent', text: '抱歉' }]);
const model = lib.parseModel(JSON.stringify(lib.defaultModel));
const custom = lib.createTextAnalyzer({ lexicon: { entries: [{ text: '征信', kind: 'negative' }] } }).analyze('征信有问题');

const records = [];
for (let i = 0; i < 200; i++) {
  const wait = (i * 37) % 1800;
  records.push({ channel: i % 3 === 0 ? 'phone' : 'chat', waitSeconds: wait, repeatContacts: i % 4, unresolved: i % 5 === 0, label: wait > 900 || i % 7 === 0 });
}
const fitted = calibrate.fit(records, { constantColumns: 'keepPrior' });
const report = calibrate.evaluate(fitted.model, records);
const refit = lib.createScorer(fitted.model).score({ channel: 'phone', waitSeconds: 1200 });

process.stdout.write(
  JSON.stringify({
    probability: result.probability,
    band: result.band,
    rejected: bad.ok === false && bad.error.issues[0].path,
    cues: analysis.cues.length,
    modelId: model.id,
    customCues: custom.cues.map((c) => c.text),
    auc: report.auc,
    refit: refit.probability,
    globalsAdded: Object.getOwnPropertyNames(globalThis).filter((n) => !globalsBefore.has(n)),
    prototypeUnchanged: Object.getOwnPropertyNames(Object.prototype).sort().join(',') === protoBefore,
    blockedAttempts: globalThis.__blockedAttempts ?? null,
  }) + '\n',
);
