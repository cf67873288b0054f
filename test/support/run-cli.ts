import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with the given standard input. */
export async function runCliWith(argv: string[], stdin = ''): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: { out: string[]; err: string[] } = { out: [], err: [] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c.toString('utf8')));
  stderr.on('data', (c: Buffer) => chunks.err.push(c.toString('utf8')));
  const code = await runCli(argv, { stdin: Readable.from([stdin]), stdout, stderr });
  return { code, stdout: chunks.out.join(''), stderr: chunks.err.join('') };
}
