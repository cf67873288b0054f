import { parseArgs } from 'node:util';
import { type Command, UsageError } from './command.js';
import { MAX_LINE_BYTES } from './batch-input/line-chunks.js';
import { EXIT } from './exit-codes.js';
import { loadModel } from './load-model.js';
import { parseLang, parseTop } from './shared-options.js';
import { fieldColumnsHelp } from './interaction-columns.js';
import { attributeNames } from './labeled-input.js';
import { wrapText } from './wrap-text.js';
import { inputFormatOf } from './batch-input/input-format.js';
import { openRowItems } from './batch-input/open-row-items.js';
import { parseKeepOption } from './keep-option.js';
import { CHANNEL_OPTIONS_HELP, noChannelMessage, parseChannelOptions } from './channel-option.js';
import { createProgress, progressMode, summaryLine } from './progress.js';
import { jobsOption, MAX_JOBS, PARALLEL_FILE_BYTES } from './score-jobs/jobs-option.js';
import { runScoring } from './score-jobs/run-scoring.js';
import type { ScoreSettings } from './score-batch/score-context.js';
import { writeChunk } from './write-output.js';

const HELP = `Usage: complaint-risk score [FILE|-] [options]

Scores interactions: JSONL (one JSON object per line), or CSV/TSV with a
header row (a .csv or .tsv FILE, or --input-format). FILE or - for standard
input. Writes one result per input row, in order. A row that is not valid
JSON or not a valid interaction yields {"line": N, "error": {...}} in its
place and the run goes on, so output rows = input rows. An empty or blank
line is reported the same way ("empty line"). Lines end in LF or CRLF; a
UTF-8 byte-order mark is ignored; a line longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB is reported as
an error without being read into memory.

An "id" key (a string or a number) on a row is copied to the start of its
output (an "id" column of a CSV too); --keep copies other keys. Neither is
scored.

${wrapText(`CSV/TSV columns (case, _ and - ignored): ${fieldColumnsHelp()}; a column that a model feature reads becomes attributes.<column>; other columns are left out and listed on standard error. An empty cell is an absent signal.`)}

Options:
  --model FILE      a model JSON file (default: the built-in model)
  --format FORMAT   json (default), table (readable, top factors per row) or
                    csv (for spreadsheets; cells that would start a formula
                    are neutralised)
  --compact         json: probability, band, points and the top factors as
                    {id, contribution} only (about a tenth of the size)
  --top N           factors per row (default: all in json, 3 otherwise)
  --lang zh|en      language of reasons in table and csv (default: en)
  --input-format F  jsonl, csv or tsv (default: from FILE's extension; jsonl)
  --keep a,b        input keys (or CSV columns) copied to each output row
${CHANNEL_OPTIONS_HELP}
  --jobs N          worker threads, output still in input order and the
                    same bytes (default: every core for a FILE of ${PARALLEL_FILE_BYTES / 1024 / 1024} MiB or
                    more, else 1; at most ${MAX_JOBS})
  --progress        progress lines on standard error every few seconds
                    (a live line is shown anyway when it is a terminal)
  --quiet           nothing on standard error but errors
  -h, --help        this text

Exit code: ${EXIT.ok} when every line scored; ${EXIT.rowsFailed} when any line was reported as
an error (the others are still scored); ${EXIT.usage} for a usage or I/O error (bad
option, unreadable or invalid model, unreadable input, a CSV without a
channel column and no --channel, a failed write such as > /dev/full: one
line, no stack); ${EXIT.internal} for an internal error.`;

export const scoreCommand: Command = {
  name: 'score',
  summary: 'score JSONL, CSV or TSV interactions: one result per row, errors in place',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        format: { type: 'string', default: 'json' },
        compact: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
        top: { type: 'string' },
        'input-format': { type: 'string' },
        keep: { type: 'string' },
        channel: { type: 'string' },
        'default-channel': { type: 'string' },
        jobs: { type: 'string' },
        progress: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      await writeChunk(io.stdout, HELP + '\n');
      return EXIT.ok;
    }
    if (positionals.length > 1) throw new UsageError('score takes at most one FILE');
    const file = positionals[0];
    const format = values.format;
    if (format !== 'json' && format !== 'table' && format !== 'csv') throw new UsageError(`--format must be json, table or csv, got "${format}"`);
    if (values.compact && format !== 'json') throw new UsageError('--compact is a form of json output; csv and table are compact already');
    const inputFormat = inputFormatOf(file, values['input-format']);
    const keep = parseKeepOption(values.keep);
    const channel = parseChannelOptions(values);
    const lang = parseLang(values.lang);
    const top = values.top === undefined ? undefined : parseTop(values.top);

    const model = await loadModel(values.model);
    const mode = progressMode(io.stderr, values);
    // Notices come while rows are read, after the progress line exists.
    const notice = (message: string): void => progress.say(message);
    const input = openRowItems(file, io, inputFormat, { keep, attributes: attributeNames(model), channelGiven: channel !== undefined, notice });
    const progress = createProgress(io.stderr, mode, values.quiet, { label: 'score', totalBytes: input.totalBytes });
    const settings: ScoreSettings = {
      rows: { keep, channel },
      form: { format, compact: values.compact, lang, top, keep, points: model.points !== undefined },
    };
    const started = Date.now();
    const tally = await runScoring({
      model,
      settings,
      jobs: jobsOption(values.jobs, file, input.totalBytes),
      input,
      out: io.stdout,
      outCopiesChunks: io.stdout === process.stdout,
      onProgress: (t) => progress.update(t.rows, { bytes: input.bytesRead() }),
    });
    progress.done(summaryLine('score', tally.rows, (Date.now() - started) / 1000));
    if (channel === undefined && tally.rows > 0 && tally.withoutChannel === tally.rows) progress.say(noChannelMessage(file === undefined || file === '-' ? 'standard input' : file));
    return tally.failed > 0 ? EXIT.rowsFailed : EXIT.ok;
  },
};
