import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

// The CLI's service and worker depend on an HTTP framework, a metrics client and a
// Redis client; `import 'complaint-risk'` must reach none of them (dist/ is built by the global setup).
const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI_ONLY = ['fastify', 'prom-client', '@redis/client', 'redis'];
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

const isRelative = (s: string): boolean => s.startsWith('./') || s.startsWith('../');
const packageOf = (s: string): string => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] as string));

/** Specifiers a built file imports or requires (static, dynamic, re-exports, side-effect imports). */
function specifiersIn(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)(['"])([^'"\n]+)\1/g)) found.push(m[2] as string);
  return found;
}

/** Every package a built entry reaches through its own chunks. */
function packagesOfBuilt(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const s of specifiersIn(readFileSync(file, 'utf8'))) {
      if (isRelative(s)) visit(resolve(dirname(file), s));
      else if (!BUILTINS.has(s)) packages.add(packageOf(s));
    }
  };
  visit(join(root, entry));
  return packages;
}

/** The source files and packages a TypeScript entry reaches (static and dynamic imports, re-exports). */
function sourceGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      if (isRelative(fileName)) {
        const target = resolve(dirname(file), fileName.replace(/\.js$/, '.ts'));
        if (!existsSync(target)) throw new Error(`${relative(root, file)} imports ${fileName}, which has no .ts file`);
        visit(target);
      } else if (!BUILTINS.has(fileName)) packages.add(packageOf(fileName));
    }
  };
  visit(join(root, entry));
  return { files, packages };
}

describe('the core entry reaches none of the CLI-only dependencies', () => {
  it('dist/index.js, dist/index.cjs and the calibrate builds import no package: zod, their only dependency, is bundled in', () => {
    for (const entry of ['dist/index.js', 'dist/index.cjs', 'dist/calibrate.js', 'dist/calibrate.cjs']) expect([...packagesOfBuilt(entry)], entry).toEqual([]);
    // Bundled, tree-shaken: zod's code is in the library's shared chunk (and its locales are not).
    const chunks = readdirSync(join(root, 'dist')).filter((f) => /^chunk-.*\.(js|cjs)$/.test(f)).map((f) => readFileSync(join(root, 'dist', f), 'utf8'));
    expect(chunks.some((code) => code.includes('node_modules/zod/v4/core/'))).toBe(true);
    expect(chunks.some((code) => code.includes('zod/v4/locales/fr'))).toBe(false);
  });

  it('the check sees them where they are: the CLI build imports all three', () => {
    const cli = packagesOfBuilt('dist/cli.js');
    for (const name of ['fastify', 'prom-client', '@redis/client']) expect(cli, name).toContain(name);
  });

  it("src/index.ts's and src/calibrate.ts's import graphs hold no CLI file and no package but zod", () => {
    for (const entry of ['src/index.ts', 'src/calibrate.ts']) {
      const { files, packages } = sourceGraph(entry);
      expect(files.size, entry).toBeGreaterThan(20);
      expect([...files].filter((f) => relative(root, f).startsWith(join('src', 'cli'))), entry).toEqual([]);
      expect([...packages], entry).toEqual(['zod']);
    }
    // And the walk does reach the service's packages when they are imported.
    const serve = sourceGraph('src/cli/run-cli.ts').packages;
    for (const name of ['fastify', 'prom-client', '@redis/client']) expect(serve, name).toContain(name);
  });

  it('loading the built entries at run time loads no other package (ESM under an allow-only-zod hook, CJS by require.cache)', () => {
    const hooks = pathToFileURL(join(root, 'test/package/fixtures/allow-only-zod.mjs')).href;
    const script = `const c = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/index.js')).href)}); await import(${JSON.stringify(pathToFileURL(join(root, 'dist/calibrate.js')).href)}); process.stdout.write(c.createScorer().score({ channel: 'phone', text: '我要投诉' }).band);`;
    const esm = spawnSync(process.execPath, ['--import', hooks, '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(esm.stderr).toBe('');
    expect(esm.stdout).toMatch(/^(low|medium|high|critical)$/);
    // The hook refuses what it should: the same run importing the HTTP framework fails.
    const control = spawnSync(process.execPath, ['--import', hooks, '--input-type=module', '-e', `await import('fastify')`], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(control.status).not.toBe(0);
    expect(control.stderr).toMatch(/core entry imported package "fastify"/);

    const cjs = execFileSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(join(root, 'dist/index.cjs'))}); require(${JSON.stringify(join(root, 'dist/calibrate.cjs'))}); process.stdout.write(JSON.stringify(Object.keys(require.cache)))`],
      { cwd: root, encoding: 'utf8' },
    );
    const loaded = (JSON.parse(cjs) as string[]).filter((f) => f.includes('node_modules')).map((f) => f.split('node_modules/').pop() as string);
    expect(loaded.filter((f) => CLI_ONLY.some((name) => f.startsWith(`${name}/`)))).toEqual([]);
    // zod is bundled into the library build: not even it is loaded from node_modules.
    expect(loaded).toEqual([]);
  });
});
