// Runs a measurement script in a fresh Node process and returns the JSON it
// prints on its last stdout line. Fresh processes keep one measurement's heap,
// JIT state and module cache out of the next.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function runChild(script, { args = [], nodeArgs = [], cwd, timeoutMs = 300_000, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      cwd,
      env: env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${script} exited ${code ?? signal}: ${stderr.trim().slice(-2000)}`));
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${script} printed no JSON result: ${stdout.slice(-500)} ${stderr.slice(-500)}`));
      }
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the built library under test is: $BENCH_DIST (scripts/bench.mjs builds
 * into a private directory so a concurrent `tsup --clean` cannot pull files
 * from under a measurement), else the project's dist/. Ends with a slash.
 */
export function distDir() {
  const dir = process.env.BENCH_DIST || `${root}dist`;
  return dir.endsWith('/') ? dir : `${dir}/`;
}
