import { parseArgs } from 'node:util';
import { type Command, UsageError } from './command.js';
import { createScorer, type InputError, type InputIssueCode } from '../index.js';
import { MAX_LINE_BYTES, readLines, type InputLine } from './read-lines.js';
import { EXIT } from './exit-codes.js';
import { openInput } from './open-input.js';
import { loadModel } from './load-model.js';
import { writeChunk } from './write-output.js';
import { tableError, tableHeader, tableRows, type Lang } from './format-table.js';
import { parseLang, parseTop } from './shared-options.js';

const HELP = `Usage: complaint-risk score [FILE|-] [options]

Scores JSONL interactions (one JSON object per line; FILE or - for standard
input). Writes one JSON result per input line, in order. A line that is not
valid JSON or not a valid interaction yields {"line": N, "error": {...}} in
its place and the run goes on, so output lines = input lines. An empty or
blank line is reported the same way ("empty line"). Lines end in LF or
CRLF; a UTF-8 byte-order mark is ignored; a line longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB is
reported as an error without being read into memory.

Options:
  --model FILE      a model JSON file (default: the built-in model)
  --format FORMAT   json (default) or table (readable, top factors per line)
  --lang zh|en      language of the table's reasons (default: en)
  --top N           factors per interaction in the table (default: 3)
  -h, --help        this text

Exit code: ${EXIT.ok} when every line scored; ${EXIT.rowsFailed} when any line was reported as
an error (the others are still scored); ${EXIT.usage} for a usage or I/O error (bad
option, unreadable or invalid model, unreadable input, a failed write such as
> /dev/full: one line, no stack); ${EXIT.internal} for an internal error.`;

export const scoreCommand: Command = {
  name: 'score',
  summary: 'score JSONL interactions: one result per line, errors in place',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        format: { type: 'string', default: 'json' },
        lang: { type: 'string', default: 'en' },
        top: { type: 'string', default: '3' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      await writeChunk(io.stdout, HELP + '\n');
      return 0;
    }
    if (positionals.length > 1) throw new UsageError('score takes at most one FILE');
    const format = values.format;
    if (format !== 'json' && format !== 'table') throw new UsageError(`--format must be json or table, got "${format}"`);
    const lang = parseLang(values.lang);
    const top = parseTop(values.top);

    const scorer = createScorer(await loadModel(values.model));
    let failed = 0;
    if (format === 'table') await writeChunk(io.stdout, tableHeader(lang));
    for await (const input of readLines(openInput(positionals[0], io))) {
      const outcome = scoreLine(scorer, input);
      if (!outcome.ok) failed++;
      await writeChunk(io.stdout, render(format, input.line, outcome, lang, top));
    }
    return failed > 0 ? EXIT.rowsFailed : EXIT.ok;
  },
};

type LineOutcome = ReturnType<typeof scoreLine>;

function scoreLine(scorer: ReturnType<typeof createScorer>, { text, bytes, tooLong }: InputLine) {
  if (tooLong) return { ok: false as const, error: lineError('line_too_long', `line of ${bytes} bytes is longer than the ${MAX_LINE_BYTES}-byte limit; skipped`) };
  if (text.trim() === '') return { ok: false as const, error: lineError('empty_line', 'empty line') };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (cause) {
    return { ok: false as const, error: lineError('invalid_json', `invalid JSON: ${(cause as Error).message}`) };
  }
  return scorer.safeScore(input);
}

function lineError(code: InputIssueCode, message: string): InputError {
  return { message, issues: [{ path: '(root)', code, message }] };
}

function render(format: 'json' | 'table', line: number, outcome: LineOutcome, lang: Lang, top: number): string {
  if (format === 'table') return outcome.ok ? tableRows(line, outcome.result, lang, top) : tableError(line, outcome.error, lang);
  return (outcome.ok ? JSON.stringify(outcome.result) : JSON.stringify({ line, error: outcome.error })) + '\n';
}
