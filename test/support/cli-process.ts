import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The built bin (dist/ is built by the global setup). */
export const CLI = `${root}dist/cli.js`;

/** A long-running `node dist/cli.js ...` with its output collected as it comes. */
export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout (or stderr with `from: 'stderr'`). */
  waitFor(pattern: RegExp, options?: { from?: 'stdout' | 'stderr'; timeoutMs?: number }): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  const wake = (): void => waiters.forEach((w) => w());
  child.stdout?.on('data', (c: Buffer) => ((out += c.toString('utf8')), wake()));
  child.stderr?.on('data', (c: Buffer) => ((err += c.toString('utf8')), wake()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => (resolve(code ?? signal ?? 'unknown'), wake())));
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, { from = 'stdout', timeoutMs = 30_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = (from === 'stdout' ? out : err).match(pattern);
          if (match !== null) return done(() => resolve(match));
          if (ended) return done(() => reject(new Error(`process ended before ${pattern} appeared; stdout: ${out.slice(-2000)} stderr: ${err.slice(-2000)}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`${pattern} did not appear within ${timeoutMs} ms; stdout: ${out.slice(-2000)} stderr: ${err.slice(-2000)}`))), timeoutMs);
        const done = (settle: () => void): void => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** Ends a process the test started (by its own handle), if it is still running. */
export async function stopCli(p: CliProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
  await p.exited;
}
