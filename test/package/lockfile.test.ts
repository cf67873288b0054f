import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, { version?: string; optionalDependencies?: Record<string, string> }> };

describe('the lockfile is complete and CI installs exactly it (issue 15, item 24)', () => {
  it("lists every platform's optional package, so a fresh npm install leaves it unchanged", () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        const nested = `${path}/node_modules/${name}`;
        if (lock.packages[nested] === undefined && lock.packages[`node_modules/${name}`] === undefined) missing.push(`${name} (for ${path || 'the root'})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('.ci/run uses npm ci, not npm install', () => {
    const script = readFileSync(new URL('.ci/run', root), 'utf8');
    const commands = script.split('\n').filter((l) => !l.trim().startsWith('#'));
    expect(commands.some((l) => /^\s*npm ci\b/.test(l))).toBe(true);
    expect(commands.some((l) => /\bnpm install\b/.test(l))).toBe(false);
    expect(script).toMatch(/apt-get install -y redis-server/);
    expect(script).toMatch(/apt-get install -y chromium/);
  });
});
