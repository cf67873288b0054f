import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startCli, stopCli, type CliProcess } from '../support/cli-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HAVE_CURL = spawnSync('curl', ['--version']).status === 0;
if (!HAVE_CURL) console.warn('SKIPPED: the README curl test needs curl, which is not installed here');

/** Every `curl` line of the README, with the status its `# → NNN` comment promises. */
function readmeCurls(): Array<{ command: string; status: number }> {
  const lines = readFileSync(`${root}README.md`, 'utf8').split('\n');
  return lines
    .filter((line) => line.startsWith('curl '))
    .map((line) => {
      const [command, comment = ''] = line.split(/\s+# → /);
      const status = /^(\d{3})\b/.exec(comment);
      if (status === null) throw new Error(`README curl line without "# → NNN": ${line}`);
      return { command: (command as string).trim(), status: Number(status[1]) };
    });
}

describe.skipIf(!HAVE_CURL)('the README’s curl commands', () => {
  let server: CliProcess;
  let port: number;
  beforeAll(async () => {
    server = startCli(['serve', '--port', '0', '--workers', '1']);
    port = Number((await server.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/))[1]);
  });
  afterAll(() => stopCli(server, 'SIGTERM'));

  it('each works against a live `complaint-risk serve` and answers the status it shows', () => {
    const curls = readmeCurls();
    expect(curls.length).toBeGreaterThanOrEqual(8);
    for (const { command, status } of curls) {
      expect(command, 'README examples talk to the default port').toMatch(/localhost:8080/);
      const here = command.replaceAll('localhost:8080', `localhost:${port}`);
      const run = spawnSync('bash', ['-c', here], { encoding: 'utf8', timeout: 30_000 });
      expect(run.status, `${command}\n${run.stderr}`).toBe(0);
      expect(run.stdout.length, command).toBeGreaterThan(0);
      if (status < 300 && !command.includes('/metrics')) expect(() => JSON.parse(run.stdout), command).not.toThrow();
      const code = spawnSync('bash', ['-c', `${here} -o /dev/null -w '%{http_code}'`], { encoding: 'utf8', timeout: 30_000 });
      expect(Number(code.stdout), command).toBe(status);
    }
  });
});
