import { parseArgs } from 'node:util';
import { createReadStream } from 'node:fs';
import { type Command, type CliIO, UsageError } from './command.js';
import { createScorer, type Scorer } from '../index.js';
import { loadModel } from './load-model.js';
import { readBounded } from './read-bounded.js';
import { MAX_LINE_BYTES } from './batch-input/line-chunks.js';
import { EXIT } from './exit-codes.js';
import { terminalSafe } from './terminal-safe.js';
import { parseLang } from './shared-options.js';
import { integerOption } from './integer-option.js';
import { writeChunk, writeMessage } from './write-output.js';
import type { Lang } from './format-table.js';
import { explainText } from './explain-text.js';
import { scoreRow, rowOutput, type RowOutcome } from './score-row.js';
import { CHANNEL_OPTIONS_HELP, fillChannel, noChannelMessage, parseChannelOptions, type ChannelFill } from './channel-option.js';
import { inputFormatOf } from './batch-input/input-format.js';
import { openRowItems } from './batch-input/open-row-items.js';
import { scoreItem } from './score-batch/score-item.js';
import { jsonForm } from './output-forms/json-forms.js';
import { attributeNames } from './labeled-input.js';

const HELP = `Usage: complaint-risk explain '<interaction JSON>' [options]
       complaint-risk explain - [options]     (the JSON from standard input)
       complaint-risk explain FILE [options]  (a .json file: one interaction; a .jsonl,
                                              .csv or .tsv file: every row)

Scores interactions and explains every factor: its contribution in
log-odds (and scorecard points, when the model has a points scale), the
reason an agent reads, and the customer's words behind it. The
contributions add up to the log-odds minus the reference's. An "id" key
(or CSV column) is shown with its row. CSV/TSV columns are read as by
complaint-risk score (see its --help).

Options:
  --model FILE          a model JSON file (default: the built-in model)
  --lang zh|en          language of the explanation (default: en)
  --json                print RiskResults as JSON instead (one per line for a FILE)
  --input-format F      jsonl, csv or tsv: read FILE (or - for standard input)
                        as rows in this format (default: from FILE's extension)
  --line N              explain only the row that starts on line N of FILE
${CHANNEL_OPTIONS_HELP}
  -h, --help            this text

Exit code: 0 when every interaction was explained, 1 when one was invalid
(its error is printed in its place), 2 for a usage or I/O error (bad option,
unreadable model or file, more than 16 MiB of JSON on standard input, a
failed write: one line, no stack), 3 for an internal error.`;

export const explainCommand: Command = {
  name: 'explain',
  summary: 'explain the risk of an interaction (or of each row of a file), factor by factor',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        json: { type: 'boolean', default: false },
        'input-format': { type: 'string' },
        line: { type: 'string' },
        channel: { type: 'string' },
        'default-channel': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      await writeChunk(io.stdout, HELP + '\n');
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError('explain takes one interaction as JSON, - to read it from standard input, or a FILE of rows');
    const source = positionals[0] as string;
    const lang = parseLang(values.lang);
    const channel = parseChannelOptions(values);
    const line = values.line === undefined ? undefined : integerOption('line', values.line, 1, 1, Number.MAX_SAFE_INTEGER);
    // JSON text, one JSON document on standard input or in a .json file; anything else names a file of rows.
    const oneInteraction = values['input-format'] === undefined && (source === '-' || /^\s*[[{]/.test(source) || /\.json$/i.test(source));
    if (oneInteraction && line !== undefined) throw new UsageError('--line picks a row of a FILE (or of standard input with --input-format)');
    const model = await loadModel(values.model);
    const scorer = createScorer(model);
    if (!oneInteraction) return explainRows(source, io, scorer, { lang, json: values.json, line, channel, format: values['input-format'] });

    const text =
      source === '-'
        ? await readBounded(io.stdin, MAX_LINE_BYTES, 'the interaction on standard input')
        : /^\s*[[{]/.test(source)
          ? source
          : await readBounded(createReadStream(source), MAX_LINE_BYTES, `the interaction in ${source}`);
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (cause) {
      writeMessage(io.stderr, `invalid JSON: ${terminalSafe((cause as Error).message)}\n`);
      return EXIT.rowsFailed;
    }
    const outcome = scoreRow(scorer, fillChannel(input, channel));
    if (!outcome.ok) {
      writeMessage(io.stderr, terminalSafe(outcome.error.message) + '\n');
      return EXIT.rowsFailed;
    }
    await writeChunk(io.stdout, values.json ? JSON.stringify(rowOutput(outcome), null, 2) + '\n' : idLine(outcome) + explainText(outcome.result, lang));
    return EXIT.ok;
  },
};

interface RowsOptions {
  lang: Lang;
  json: boolean;
  line: number | undefined;
  channel: ChannelFill | undefined;
  format: string | undefined;
}

/** Every row of FILE (or the one at --line), explained in turn, errors in their place. */
async function explainRows(file: string, io: CliIO, scorer: Scorer, options: RowsOptions): Promise<number> {
  const say = (message: string): void => writeMessage(io.stderr, message + '\n');
  const input = openRowItems(file, io, inputFormatOf(file === '-' ? undefined : file, options.format), {
    keep: [],
    attributes: attributeNames(scorer.model),
    channelGiven: options.channel !== undefined,
    notice: say,
  });
  const json = jsonForm({ format: 'json', compact: false, lang: options.lang, top: undefined, keep: [], points: false });
  let rows = 0;
  let failed = 0;
  let withoutChannel = 0;
  let first = true;
  for await (const item of input.items()) {
    if (options.line !== undefined && item.line !== options.line) continue;
    const scored = scoreItem(scorer, { keep: [], channel: options.channel }, item);
    rows++;
    if (!scored.outcome.ok) failed++;
    if (scored.lacksChannel) withoutChannel++;
    let block: string;
    if (options.json) block = json.line(scored);
    else {
      const head = `line ${scored.line}${scored.outcome.id === undefined ? '' : ` · id ${terminalSafe(String(scored.outcome.id))}`}`;
      block = (first ? '' : '\n') + head + '\n' + (scored.outcome.ok ? explainText(scored.outcome.result, options.lang) : `error: ${terminalSafe(scored.outcome.error.message)}\n`);
    }
    first = false;
    await writeChunk(io.stdout, block);
    if (options.line !== undefined) break;
  }
  if (options.line !== undefined && rows === 0) throw new UsageError(`no row starts on line ${options.line} of ${file}`);
  if (options.channel === undefined && rows > 0 && withoutChannel === rows) say(noChannelMessage(file === '-' ? 'standard input' : file));
  return failed > 0 ? EXIT.rowsFailed : EXIT.ok;
}

/** "id T-1" above an explanation whose row had an id. */
function idLine(outcome: RowOutcome): string {
  return outcome.id === undefined ? '' : `id ${terminalSafe(String(outcome.id))}\n`;
}
