import { parseArgs } from 'node:util';
import { writeChunk, writeMessage } from './write-output.js';
import { terminalSafe } from './terminal-safe.js';
import { writeFileAtomic } from './atomic-write.js';
import { type Command, type CliIO, UsageError } from './command.js';
import { loadModel } from './load-model.js';
import { attributeNames, BadLines, inputHelp, parseCriterion, reportBadRows, streamLabeled } from './labeled-input.js';
import { CHANNEL_OPTIONS_HELP, parseChannelOptions } from './channel-option.js';
import { createProgress, progressMode } from './progress.js';
import type { RecordSource } from './read-records.js';
import { FitDataBuilder, fitDesign, type FitData, type FitOptions, InvalidRecordsError, DegenerateDataError, crossValidateDesign, evaluateProbabilities, chooseBands, describeCriterion, thresholdTable, type ThresholdCriterion, renderReport } from '../calibrate.js';
import { MAX_TERMS, type FeatureSpec, type BandThresholds } from '../index.js';
import { parsePointsOption } from './points-option.js';
import { attributeFeature } from './attribute-option.js';

const HELP = `Usage: complaint-risk fit FILE --label COLUMN --out model.json [options]

Fits complaint-risk weights to your labelled history: penalised logistic
regression (Newton's method) on the same feature columns the scorer computes,
text cues included, so the model file scores exactly like the fit.

${inputHelp('fit')}

Options:
  --label COLUMN        whether a formal complaint followed (required)
  --out FILE            where to write the model JSON (required)
  --report FILE         also write a self-contained HTML report
  --weight COLUMN       per-row weight (e.g. sampling weight)
  --format csv|tsv|jsonl  input format (default: from the file name)
  --base FILE           start from this model's features, reference and bands
                        (default: the built-in model)
  --features a,b,c      keep only these features of the base model
  --attribute NAME[:TYPE]  add a feature on attributes.NAME; TYPE number,
                        boolean or category (default: guessed from the data);
                        repeatable
  --l2 X                ridge strength on standardised weights (default 1;
                        0 = plain maximum likelihood)
  --class-weight balanced  weigh both classes equally (ranking only: the
                        probabilities then over-state risk)
  --strict              refuse columns that never vary in the data (default:
                        keep their prior weight and say so)
  --no-terms            do not learn terms from the text (by default the words
                        and phrases of your own history that go with
                        complaints are learned, when rows have text)
  --max-terms N         keep at most N learned terms (default 5000, at most
                        20000)
  --min-term-records N  a term must occur in N distinct rows (default 5,
                        never below 2: rarer words could be one customer's)
  --terms-l2 X          ridge strength on the term weights (default: chosen
                        by 3-fold cross-validation)
  --cv K                K-fold cross-validation for honest metrics and
                        thresholds (default 5, skipped above 300,000 rows
                        unless given; 0 = in-sample only)
  --medium CRITERION    choose a band cut-off, where CRITERION is
  --high CRITERION        recall:0.8          catch 80 % of complaints
  --critical CRITERION    precision:0.5       half of flagged contacts complain
                          cost:200/20[/0.6]   complaint 200, call-back 20
                                              (call-back prevents 60 %)
                          capacity:50/1000    50 call-backs per 1000 contacts
  --points BASE/ODDS/PDO  scorecard points in the model, e.g. 600/19/50: 600
                        points at odds 19:1 against a complaint (5 % risk),
                        50 more points for each doubling of those odds;
                        results and factors then carry points (default: the
                        base model's, if any)
  --id ID               the model's id (default: <base id>+fit)
${CHANNEL_OPTIONS_HELP}
  --progress            progress lines on standard error every few seconds
                        (a live line is shown anyway when it is a terminal)
  --quiet               no progress on standard error
  -h, --help            this text

Exit code: 0 when the model was written, 1 for invalid rows (each by its
line) or data that cannot be fitted (the reason printed), 2 for a usage or
I/O error (one line: a bad option, an unreadable file, a failed write), 3
for an internal error. The model and report are written whole (a temporary
file, then renamed) or not at all.`;

/** Above this many rows cross-validation runs only when --cv asks for it. */
const AUTO_CV_LIMIT = 300_000;

export const fitCommand: Command = {
  name: 'fit',
  summary: 'fit a calibrated model on labelled history (CSV/JSONL)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        label: { type: 'string' },
        out: { type: 'string' },
        report: { type: 'string' },
        weight: { type: 'string' },
        format: { type: 'string' },
        base: { type: 'string' },
        features: { type: 'string' },
        attribute: { type: 'string', multiple: true },
        l2: { type: 'string' },
        'class-weight': { type: 'string' },
        strict: { type: 'boolean', default: false },
        'no-terms': { type: 'boolean', default: false },
        'max-terms': { type: 'string' },
        'min-term-records': { type: 'string' },
        'terms-l2': { type: 'string' },
        cv: { type: 'string' },
        medium: { type: 'string' },
        high: { type: 'string' },
        critical: { type: 'string' },
        id: { type: 'string' },
        points: { type: 'string' },
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
    if (positionals.length !== 1) throw new UsageError('fit takes one FILE (or - for standard input)');
    if (values.label === undefined) throw new UsageError('--label COLUMN is required: the column saying whether a complaint followed');
    if (values.out === undefined) throw new UsageError('--out FILE is required: where to write the model');
    const l2 = values.l2 === undefined ? undefined : Number(values.l2);
    if (l2 !== undefined && !(l2 >= 0 && Number.isFinite(l2))) throw new UsageError(`--l2 must be a number ≥ 0, got "${values.l2}"`);
    if (values['class-weight'] !== undefined && values['class-weight'] !== 'balanced')
      throw new UsageError(`--class-weight must be balanced, got "${values['class-weight']}"`);
    const terms = termsOption(values);
    let folds = Number(values.cv ?? '5');
    if (!Number.isInteger(folds) || folds < 0 || folds === 1 || folds > 20) throw new UsageError(`--cv must be 0 or a whole number from 2 to 20, got "${values.cv}"`);
    const points = values.points === undefined ? undefined : parsePointsOption(values.points);
    const criteria: Partial<Record<keyof BandThresholds, ThresholdCriterion>> = {};
    for (const band of ['medium', 'high', 'critical'] as const) {
      const v = values[band];
      if (v !== undefined) criteria[band] = parseCriterion(band, v);
    }

    const channel = parseChannelOptions(values);
    const progress = createProgress(io.stderr, progressMode(io.stderr, values), values.quiet, { label: 'fit' });
    const say = progress.say;
    const base = await loadModel(values.base);
    const wanted = attributeNames(base);
    for (const a of values.attribute ?? []) wanted.add(a.split(':', 1)[0] as string);
    const given: FitOptions = {
      baseModel: base,
      ...(values.features !== undefined ? { features: values.features.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
      // A type not given is guessed from the values once every row is read; until then the attribute's values are kept.
      extraFeatures: (values.attribute ?? []).map((a) => attributeFeature(a, undefined)),
      ...(l2 !== undefined ? { l2 } : {}),
      ...(values['class-weight'] === 'balanced' ? { classWeight: 'balanced' as const } : {}),
      constantColumns: values.strict ? 'error' : 'keepPrior',
      ...(terms !== undefined ? { terms } : {}),
      ...(values.id !== undefined ? { id: values.id } : {}),
      ...(points !== undefined ? { points } : {}),
    };
    let builder: FitDataBuilder;
    try {
      builder = new FitDataBuilder(given);
    } catch (error) {
      return failure(io, undefined, error);
    }
    // Each row becomes typed columns as it is read, and the record is dropped: memory is the matrix, not the file.
    const bad = new BadLines();
    const source = await streamLabeled(positionals[0], io, { ...values, channel, attributes: wanted }, progress, 'fit: reading', (record, line) => {
      const issues = builder.add(record);
      if (issues !== undefined) bad.add(line, issues);
    });
    if (source.problems.length > 0 || bad.count > 0) return reportBadRows(io, source, bad);
    if (builder.rows === 0) {
      writeMessage(io.stderr, 'no rows to fit\n');
      return 1;
    }
    const started = Date.now();
    let data: FitData;
    let result;
    try {
      const extraFeatures = (values.attribute ?? []).map((a) => attributeFeature(a, builder));
      data = builder.finish({ extraFeatures });
      if (values.cv === undefined && data.labels.length > AUTO_CV_LIMIT) folds = 0;
      result = fitDesign({
        ...data,
        options: {
          ...data.options,
          onProgress: (e) => {
            if (e.phase === 'iteration') say(`iteration ${e.iteration}: largest gradient ${e.gradientNorm.toExponential(2)}, objective ${e.objective.toFixed(3)}`);
          },
        },
        // No cross-validation to follow: the rows' candidate terms can go once the vocabulary is chosen.
      }, { releaseCandidates: folds < 2 });
    } catch (error) {
      return failure(io, source, error);
    }
    const { report } = result;
    say(`fitted in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.iterations} iterations, ${report.converged ? 'converged' : 'NOT converged'}`);
    if (report.terms !== undefined && report.terms.learned > 0)
      say(`learned ${report.terms.learned} terms (of ${report.terms.candidates} in ≥ ${report.terms.minDocuments} rows), l2 ${report.terms.l2} by ${report.terms.l2ChosenBy}`);
    for (const warning of report.warnings) say(`note: ${terminalSafe(warning)}`);

    const labels = data.labels;
    if (values.cv === undefined && data.labels.length > AUTO_CV_LIMIT) {
      // K more fits of a huge file cost minutes; at this size in-sample metrics are close to honest anyway (folds is 0 already).
      say(`cross-validation skipped for ${data.labels.length.toLocaleString('en')} rows (over ${AUTO_CV_LIMIT.toLocaleString('en')}); pass --cv 5 to run it`);
      folds = 0;
    }
    let probabilities: ArrayLike<number> = result.probabilities;
    let cv;
    if (folds >= 2) {
      say(`${folds}-fold cross-validation…`);
      try {
        cv = crossValidateDesign(data, { folds });
        probabilities = cv.outOfFold;
      } catch (error) {
        say(`cross-validation skipped: ${terminalSafe((error as Error).message)}`);
      }
    }
    let model = result.model;
    let chosen: ReturnType<typeof chooseBands>['chosen'] = {};
    if (Object.keys(criteria).length > 0) {
      try {
        ({ model, chosen } = chooseBands(model, probabilities, labels, criteria));
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        writeMessage(io.stderr, `cannot set bands: ${terminalSafe(error.message)}\n`);
        return 1;
      }
    }
    const evaluation = evaluateProbabilities(probabilities, labels, model);
    // Everything is rendered before anything is written: a run that fails leaves no half of its output.
    let html: string | undefined;
    if (values.report !== undefined) {
      const cuts = [...new Set([0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, model.bands.medium, model.bands.high, model.bands.critical])].sort((a, b) => a - b);
      html = renderReport({
        model,
        fit: report,
        evaluation,
        evaluationLabel: cv !== undefined ? `${folds}-fold cross-validation (out-of-fold predictions)` : 'Training rows, in-sample',
        ...(cv !== undefined ? { crossValidation: cv } : {}),
        thresholds: thresholdTable(probabilities, labels, cuts),
        generatedAt: new Date().toISOString(),
      });
    }
    await writeFileAtomic(values.out, JSON.stringify(model, null, 2) + '\n');
    say(`model written to ${terminalSafe(values.out)}`);
    if (values.report !== undefined && html !== undefined) {
      await writeFileAtomic(values.report, html);
      say(`report written to ${terminalSafe(values.report)}`);
    }
    progress.done();
    await writeChunk(io.stdout, summary(model.id, report.rows, report.positives, evaluation, cv !== undefined ? folds : 0, chosen, model.bands));
    return 0;
  },
};

/** `--no-terms`, `--max-terms`, `--min-term-records`, `--terms-l2` as fit's `terms` option (undefined: the defaults). */
function termsOption(values: { 'no-terms'?: boolean; 'max-terms'?: string; 'min-term-records'?: string; 'terms-l2'?: string }): FitOptions['terms'] {
  const given = values['max-terms'] !== undefined || values['min-term-records'] !== undefined || values['terms-l2'] !== undefined;
  if (values['no-terms']) {
    if (given) throw new UsageError('--no-terms cannot go with --max-terms, --min-term-records or --terms-l2');
    return false;
  }
  if (!given) return undefined;
  const whole = (name: string, value: string | undefined, min: number, max: number): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    return n;
  };
  const maxTerms = whole('max-terms', values['max-terms'], 1, MAX_TERMS);
  const minDocuments = whole('min-term-records', values['min-term-records'], 2, 1_000_000);
  const l2 = values['terms-l2'] === undefined ? undefined : Number(values['terms-l2']);
  if (l2 !== undefined && !(l2 > 0 && Number.isFinite(l2))) throw new UsageError(`--terms-l2 must be a number > 0, got "${values['terms-l2']}"`);
  return { ...(maxTerms !== undefined ? { maxTerms } : {}), ...(minDocuments !== undefined ? { minDocuments } : {}), ...(l2 !== undefined ? { l2 } : {}) };
}

function summary(
  id: string,
  rows: number,
  positives: number,
  e: ReturnType<typeof evaluateProbabilities>,
  folds: number,
  chosen: ReturnType<typeof chooseBands>['chosen'],
  bands: BandThresholds,
): string {
  const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
  const lines = [
    `model ${terminalSafe(id)}: ${rows} rows, ${positives} complaints (${pct(positives / rows)})`,
    `${folds >= 2 ? `${folds}-fold cross-validated` : 'in-sample'}: AUC ${e.auc.toFixed(3)} [${e.aucInterval.lower.toFixed(3)}, ${e.aucInterval.upper.toFixed(3)}], PR AUC ${e.prAuc.toFixed(3)}, ECE ${e.ece.toFixed(4)}, Brier ${e.brier.toFixed(4)}`,
    `bands: medium ≥ ${pct(bands.medium)}, high ≥ ${pct(bands.high)}, critical ≥ ${pct(bands.critical)}`,
  ];
  for (const [band, pick] of Object.entries(chosen))
    lines.push(
      `  ${band}: ${describeCriterion(pick.criterion)} → ${pct(pick.threshold)} (flags ${pct(pick.confusion.flaggedRate)}, recall ${pct(pick.confusion.recall)}, precision ${pct(pick.confusion.precision)})` +
        (pick.cost !== undefined
          ? `; cost on these rows ${Math.round(pick.cost.total).toLocaleString('en')} vs ${Math.round(pick.cost.withoutIntervention).toLocaleString('en')} without call-backs, break-even risk ${pct(pick.cost.breakEvenProbability)}`
          : ''),
    );
  return lines.join('\n') + '\n';
}

function failure(io: CliIO, source: RecordSource | undefined, error: unknown): number {
  if (error instanceof InvalidRecordsError && source !== undefined) return reportBadRows(io, source, error);
  if (error instanceof DegenerateDataError || error instanceof RangeError) {
    // The library names its options; on the command line they are flags.
    const message = error.message
      .replace(/drop the feature, or keep its prior weight \(constantColumns[^)]*\)/, 'leave the feature out (--features), or run without --strict to keep its prior weight')
      .replace(/\braise l2\b/g, 'raise --l2')
      .replace(/\buse l2 > 0\b/g, 'use --l2 > 0');
    writeMessage(io.stderr, `cannot fit: ${terminalSafe(message)}\n`);
    return 1;
  }
  throw error;
}
