import { createRequire } from 'node:module';
import { UsageError, type CliIO, type Command } from './command.js';
import { scoreCommand } from './score-command.js';
import { explainCommand } from './explain-command.js';
import { fitCommand } from './fit-command.js';
import { evaluateCommand } from './evaluate-command.js';
import { serveCommand } from './serve/serve-command.js';
import { streamCommand } from './stream/stream-command.js';
import { writeChunk, writeMessage } from './write-output.js';
import { describeIoError, isBrokenPipe, isSystemError } from './io-errors.js';
import { ComplaintRiskInputError } from '../index.js';
import { EXIT } from './exit-codes.js';
import { terminalSafe } from './terminal-safe.js';

const COMMANDS: readonly Command[] = [scoreCommand, explainCommand, fitCommand, evaluateCommand, serveCommand, streamCommand];

const HELP = `complaint-risk: complaint pre-identification (投诉预识别) from the command line

Usage: complaint-risk <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join('\n')}

Run complaint-risk <command> --help for a command's options;
complaint-risk --version prints the version.

Exit codes (every command):
  0  done: every row scored, the model or report written
  1  the data: invalid rows (each reported with its line), data that
     cannot be fitted or evaluated (the reason printed)
  2  usage or I/O: a bad option, an unreadable or invalid model or input
     file, a failed write (full disk, closed output): one line, no stack
  3  internal error: a bug, please report it with the stack printed`;

/** Runs one CLI invocation against the given streams; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const name = argv[0] ?? '';
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (isBrokenPipe(error)) return EXIT.ok;
    const who = COMMANDS.some((c) => c.name === name) ? `complaint-risk ${name}` : 'complaint-risk';
    if (error instanceof UsageError || isParseArgsError(error)) {
      writeMessage(io.stderr, `${who}: ${terminalSafe((error as Error).message)}\nSee ${who} --help\n`);
      return EXIT.usage;
    }
    if (error instanceof ComplaintRiskInputError) {
      // A model file from elsewhere may put anything in a key the message quotes.
      writeMessage(io.stderr, `${who}: ${terminalSafe(error.message)}\n`);
      return EXIT.usage;
    }
    if (isSystemError(error)) {
      // A full disk, a wrong path: the operator's to fix, in one line.
      writeMessage(io.stderr, `${who}: ${terminalSafe(describeIoError(error))}\n`);
      return EXIT.io;
    }
    throw error;
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await writeChunk(io.stdout, HELP + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    await writeChunk(io.stdout, `complaint-risk ${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    writeMessage(io.stderr, `complaint-risk: unknown command "${terminalSafe(name)}"\n\n${HELP}\n`);
    return EXIT.usage;
  }
  return command.run(args, io);
}

/** The version in package.json, found from the built bin (dist/cli.js) or from src/cli when run from source. */
function packageVersion(): string {
  const require = createRequire(import.meta.url);
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(path) as { name?: unknown; version?: unknown };
      if (pkg.name === 'complaint-risk' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not at this depth
    }
  }
  return 'unknown';
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
