import { runCli } from './run-cli.js';
import { isBrokenPipe } from './write-output.js';
import { EXIT } from './exit-codes.js';

// A reader that stops early (`| head`) closes the pipe: end quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (isBrokenPipe(error)) process.exit(EXIT.ok);
    throw error;
  });
}

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (isBrokenPipe(error)) {
      process.exitCode = EXIT.ok;
      return;
    }
    process.stderr.write(`complaint-risk: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.internal;
  },
);
