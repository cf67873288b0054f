import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Tests of the published package (bundle contents, require/import, CLI) need a fresh dist/.
// SKIP_BUILD=1 reuses the dist/ already there, for quick runs of source-only tests.
export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/tsup/dist/cli-default.js', '--silent'], { cwd: root, stdio: 'inherit' });
}
