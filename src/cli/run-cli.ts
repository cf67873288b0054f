import { UsageError, type CliIO, type Command } from './command.js';
import { scoreCommand } from './score-command.js';
import { explainCommand } from './explain-command.js';
import { fitCommand } from './fit-command.js';
import { evaluateCommand } from './evaluate-command.js';
import { serveCommand } from './serve/serve-command.js';
import { streamCommand } from './stream/stream-command.js';
import { isBrokenPipe } from './write-output.js';
import { ComplaintRiskInputError } from '../index.js';
import { EXIT } from './exit-codes.js';
import { terminalSafe } from './terminal-safe.js';

const COMMANDS: readonly Command[] = [scoreCommand, explainCommand, fitCommand, evaluateCommand, serveCommand, streamCommand];

const HELP = `complaint-risk: complaint pre-identification (投诉预识别) from the command line

Usage: complaint-risk <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join('\n')}

Run complaint-risk <command> --help for a command's options.`;

/** Runs one CLI invocation against the given streams; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(`complaint-risk: unknown command "${name}"\n\n${HELP}\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (isBrokenPipe(error)) return EXIT.ok;
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(`complaint-risk ${name}: ${(error as Error).message}\nSee complaint-risk ${name} --help\n`);
      return EXIT.usage;
    }
    if (error instanceof ComplaintRiskInputError || isSystemError(error)) {
      // A model file from elsewhere may put anything in a key the message quotes.
      io.stderr.write(`complaint-risk ${name}: ${terminalSafe((error as Error).message)}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** ENOENT, EISDIR, EACCES, EIO, ...: the file system said no; not a bug, no stack trace. */
function isSystemError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && typeof syscall === 'string';
}
