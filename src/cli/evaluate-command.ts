import { parseArgs } from 'node:util';
import { writeChunk, writeMessage } from './write-output.js';
import { terminalSafe } from './terminal-safe.js';
import { writeFileAtomic } from './atomic-write.js';
import { basename } from 'node:path';
import { type Command, UsageError } from './command.js';
import { loadModel } from './load-model.js';
import { attributeNames, BadLines, inputHelp, reportBadRows, streamLabeled, type LabeledReadOptions } from './labeled-input.js';
import { CHANNEL_OPTIONS_HELP, parseChannelOptions } from './channel-option.js';
import { createProgress, progressMode } from './progress.js';
import { PredictionBuilder, type Predictions, evaluateProbabilities, type EvaluationReport, thresholdTable, driftOfPredictions, type DriftReport, renderReport } from '../calibrate.js';

const HELP = `Usage: complaint-risk evaluate --model model.json FILE [options]

Scores labelled records with a model and reports how well it ranks (ROC AUC
with a DeLong 95 % interval, PR AUC, lift and gain at the riskiest 1/5/10 %)
and how honest its probabilities are (log loss, Brier score, expected
calibration error with a reliability table), plus the confusion matrix at a
threshold and the rows per band. With --drift, also the population stability
index of the score and of every feature between a reference sample and FILE;
FILE then needs no labels (drift only when it has none).

${inputHelp('evaluate')}

Options:
  --model FILE          the model JSON (default: the built-in model)
  --label COLUMN        whether a formal complaint followed (default: label)
  --weight COLUMN       per-row weight (JSONL: the "weight" key by default):
                        every figure is then as if a row of weight 2 were
                        there twice; counts are total weights
  --format csv|tsv|jsonl  input format (default: from the file name)
  --threshold P         threshold of the confusion matrix (default: the
                        model's high band)
  --bins N              reliability bins (default 10)
  --binning uniform|quantile   equal-width (default) or equal-count bins
  --drift FILE          reference sample (e.g. the training file; labels not
                        needed) for PSI: < 0.10 stable, 0.10-0.25 moderate,
                        ≥ 0.25 major
  --report FILE         also write a self-contained HTML report
  --json                print the full report as JSON
${CHANNEL_OPTIONS_HELP}
  --progress            progress lines on standard error every few seconds
                        (a live line is shown anyway when it is a terminal)
  --quiet               no progress on standard error
  -h, --help            this text

Exit code: 0 when evaluated, 1 for invalid rows (each by its line) or
samples that cannot be evaluated (an empty drift sample, named), 2 for a
usage or I/O error (one line: a bad option, an unreadable file, a failed
write), 3 for an internal error.`;

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'evaluate a model on labelled records: AUC, calibration, lift, drift',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        label: { type: 'string', default: 'label' },
        weight: { type: 'string' },
        format: { type: 'string' },
        threshold: { type: 'string' },
        bins: { type: 'string' },
        binning: { type: 'string', default: 'uniform' },
        drift: { type: 'string' },
        report: { type: 'string' },
        json: { type: 'boolean', default: false },
        channel: { type: 'string' },
        'default-channel': { type: 'string' },
        progress: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      await writeChunk(io.stdout, HELP + '\n');
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('evaluate takes one FILE (or - for standard input)');
    const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
    if (threshold !== undefined && !(threshold > 0 && threshold < 1)) throw new UsageError(`--threshold must be a probability between 0 and 1, got "${values.threshold}"`);
    const bins = values.bins === undefined ? undefined : Number(values.bins);
    if (bins !== undefined && !(Number.isInteger(bins) && bins >= 2 && bins <= 100)) throw new UsageError(`--bins must be a whole number from 2 to 100, got "${values.bins}"`);
    const binning = values.binning;
    if (binning !== 'uniform' && binning !== 'quantile') throw new UsageError(`--binning must be uniform or quantile, got "${binning}"`);

    const channel = parseChannelOptions(values);
    const progress = createProgress(io.stderr, progressMode(io.stderr, values), values.quiet, { label: 'evaluate' });
    const say = progress.say;
    const model = await loadModel(values.model);
    // With --drift, FILE may be this month's unlabelled contacts: drift needs no labels.
    const attributes = attributeNames(model);
    // Each row is scored into typed columns as it is read; the records are not kept.
    const readScored = async (file: string | undefined, options: LabeledReadOptions, stage: string) => {
      const builder = new PredictionBuilder(model);
      const withLabel = new BadLines();
      const withoutLabel = new BadLines();
      const source = await streamLabeled(file, io, options, progress, stage, (record, line) => {
        const problems = builder.add(record);
        if (problems.withLabel !== undefined) withLabel.add(line, problems.withLabel);
        if (problems.withoutLabel !== undefined) withoutLabel.add(line, problems.withoutLabel);
      });
      return { source, builder, withLabel, withoutLabel };
    };
    const current = await readScored(positionals[0], { ...values, channel, labelOptional: values.drift !== undefined, attributes }, 'evaluate: reading');
    if (current.source.problems.length > 0) return reportBadRows(io, current.source, current.withoutLabel);
    const labelled = values.drift === undefined || current.builder.labelledRows > 0;
    let evaluation: EvaluationReport | undefined;
    let predictions: Predictions | undefined;
    if (labelled) {
      if (current.withLabel.count > 0) return reportBadRows(io, current.source, current.withLabel);
      predictions = current.builder.finish();
      try {
        evaluation = evaluateProbabilities(predictions.probabilities, predictions.labels, model, {
          ...(threshold !== undefined ? { threshold } : {}),
          ...(bins !== undefined ? { bins } : {}),
          binning,
          ...(predictions.weights !== undefined ? { weights: predictions.weights } : {}),
        });
      } catch (error) {
        if (error instanceof RangeError) {
          writeMessage(io.stderr, `cannot evaluate: ${terminalSafe(error.message)}\n`);
          return 1;
        }
        throw error;
      }
    } else say(`no "${terminalSafe(values.label)}" labels in ${terminalSafe(positionals[0] as string)}: drift only`);
    let driftReport: DriftReport | undefined;
    if (values.drift !== undefined) {
      const reference = await readScored(values.drift, { format: values.format, label: values.label, labelOptional: true, attributes, channel }, 'evaluate: reading the reference');
      if (reference.source.problems.length > 0) return reportBadRows(io, reference.source, reference.withoutLabel);
      // Each sample's bad rows are reported against its own file.
      for (const sample of [reference, current]) if (sample.withoutLabel.count > 0) return reportBadRows(io, sample.source, sample.withoutLabel);
      // PSI compares two samples: an empty one is named, not left to fail inside.
      for (const [sample, file] of [[reference, values.drift], [current, positionals[0]]] as const) {
        if (sample.builder.rows > 0) continue;
        writeMessage(io.stderr, `cannot compute drift: ${file === undefined || file === '-' ? 'standard input' : terminalSafe(file)} has no rows (the ${sample === reference ? 'reference, --drift' : 'current'} sample)\n`);
        return 1;
      }
      driftReport = driftOfPredictions(reference.builder.finish(), predictions ?? current.builder.finish());
    }
    if (evaluation === undefined) {
      const d = driftReport as DriftReport;
      if (values.report !== undefined) say('--report needs labelled records; not written');
      progress.done();
      await writeChunk(io.stdout, values.json ? JSON.stringify({ drift: d }, null, 2) + '\n' : driftText(d));
      return 0;
    }
    if (values.report !== undefined) {
      const cuts = [...new Set([0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, model.bands.medium, model.bands.high, model.bands.critical])].sort((a, b) => a - b);
      await writeFileAtomic(
        values.report,
        renderReport({
          model,
          evaluation,
          // The file's name, not its path: a report travels, and a path says where someone's files are.
          evaluationLabel: `Evaluated on ${positionals[0] === undefined || positionals[0] === '-' ? 'standard input' : basename(positionals[0])}`,
          thresholds: thresholdTable((predictions as Predictions).probabilities, (predictions as Predictions).labels, cuts, (predictions as Predictions).weights),
          ...(driftReport !== undefined ? { drift: driftReport } : {}),
          generatedAt: new Date().toISOString(),
        }),
      );
      say(`report written to ${terminalSafe(values.report)}`);
    }
    progress.done();
    if (values.json) {
      await writeChunk(io.stdout, JSON.stringify(driftReport === undefined ? evaluation : { ...evaluation, drift: driftReport }, null, 2) + '\n');
      return 0;
    }
    await writeChunk(io.stdout, text(evaluation, driftReport));
    return 0;
  },
};

function text(e: EvaluationReport, d: DriftReport | undefined): string {
  const pct = (v: number, digits = 1): string => `${(v * 100).toFixed(digits)}%`;
  const c = e.confusion;
  const lines = [
    `model ${terminalSafe(e.modelId)}: ${e.rows} rows, ${e.complaints} complaints (${pct(e.prevalence, 2)}), mean predicted ${pct(e.meanPredicted, 2)}`,
    `ROC AUC   ${e.auc.toFixed(3)}  95% CI [${e.aucInterval.lower.toFixed(3)}, ${e.aucInterval.upper.toFixed(3)}] (DeLong)`,
    `PR AUC    ${e.prAuc.toFixed(3)}  (random: ${e.prevalence.toFixed(3)})`,
    `log loss  ${e.logLoss.toFixed(4)}   Brier ${e.brier.toFixed(4)}   ECE ${e.ece.toFixed(4)}   MCE ${e.mce.toFixed(4)}`,
    '',
    'reliability   rows  predicted  observed',
    ...e.reliability.map((b) => `${pct(b.lower, 0).padStart(4)}-${pct(b.upper, 0).padEnd(5)} ${String(b.count).padStart(7)}  ${pct(b.predicted).padStart(9)}  ${pct(b.observed).padStart(8)}`),
    '',
    'riskiest   rows  complaints  precision  lift  gain',
    ...e.lift.map((l) => `${pct(l.fraction, 0).padStart(8)} ${String(l.rows).padStart(6)} ${String(l.complaints).padStart(11)}  ${pct(l.precision).padStart(9)} ${l.lift.toFixed(2).padStart(5)} ${pct(l.gain).padStart(5)}`),
    '',
    `at threshold ${pct(c.threshold)}: TP ${c.truePositives}  FP ${c.falsePositives}  TN ${c.trueNegatives}  FN ${c.falseNegatives}  precision ${pct(c.precision)}  recall ${pct(c.recall)}  flagged ${pct(c.flaggedRate)}`,
    `bands: ${e.bands.map((b) => `${b.band} ${b.rows} (${pct(b.rate)} complained)`).join(', ')}`,
  ];
  if (d !== undefined) lines.push('', driftText(d).trimEnd());
  return lines.join('\n') + '\n';
}

function driftText(d: DriftReport): string {
  const lines = [`drift: score PSI ${d.score.psi.toFixed(3)} (${d.score.verdict}); below 0.10 stable, 0.10-0.25 moderate, 0.25+ major`];
  for (const col of d.columns.filter((x) => x.verdict !== 'stable')) lines.push(`  ${terminalSafe(col.column)}: PSI ${col.psi.toFixed(3)} (${col.verdict})`);
  if (d.columns.every((x) => x.verdict === 'stable')) lines.push('  every feature column stable');
  return lines.join('\n') + '\n';
}
