import { runCli } from './run-cli.js';
import { EXIT } from './exit-codes.js';
import { isBrokenPipe, OutputError } from './io-errors.js';
import { writeMessage } from './write-output.js';
import { terminalText } from './terminal-safe.js';

/**
 * A failure of standard output after the command's last write (a full disk
 * behind `> file`): the run did not deliver, so it must not exit 0.
 */
let outputFailed: OutputError | undefined;
/** Whether the command has returned: a failure after that has no one else to tell it. */
let settled = false;

// A reader that stops early (`| head`) closes the pipe: standard output then ends quietly, as Unix tools
// do, once the command sees it. Any other failure of standard output is an I/O error (exit 2, one line).
// Standard error only carries messages: when it fails, the run goes on and its files are still written.
process.stdout.on('error', (error) => {
  if (isBrokenPipe(error) || outputFailed !== undefined) return;
  outputFailed = new OutputError('standard output', error);
  // An I/O error the command returned has been told already.
  if (settled && process.exitCode !== EXIT.io) failedAfterTheEnd(outputFailed);
});
process.stderr.on('error', () => {});

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    settled = true;
    process.exitCode = code;
    // The command saw its writes succeed, but one failed later (or it did not look): still an I/O error.
    if (outputFailed !== undefined && code !== EXIT.io) failedAfterTheEnd(outputFailed);
  },
  (error: unknown) => {
    settled = true;
    if (isBrokenPipe(error)) {
      process.exitCode = EXIT.ok;
      return;
    }
    writeMessage(process.stderr, `complaint-risk: internal error: ${terminalText(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    process.exitCode = EXIT.internal;
  },
);

function failedAfterTheEnd(error: OutputError): void {
  writeMessage(process.stderr, `complaint-risk: ${error.message}\n`);
  process.exitCode = EXIT.io;
}
