// Cold import time of the built entries: each sample is a fresh `node`
// process that times only its own import()/require() of dist/index.*.
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distDir, median } from './child.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

const PROBES = {
  esm: (file) => [
    '--input-type=module',
    '-e',
    `const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t0));`,
  ],
  cjs: (file) => [
    '-e',
    `const t0 = performance.now(); require(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t0));`,
  ],
};

/** ms per cold import, `runs` fresh processes after one discarded (disk-cache) run. */
export function coldImport(kind, runs = 9) {
  const file = `${distDir()}index.${kind === 'esm' ? 'js' : 'cjs'}`;
  const args = PROBES[kind](file);
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    const ms = Number(execFileSync(process.execPath, args, { cwd: '/', encoding: 'utf8' }));
    if (i > 0) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return { median: median(samples), min: samples[0], max: samples[samples.length - 1], runs };
}

/** The same probe for a bare package name (resolved from the project root), as a reference. */
export function coldImportPackage(name, runs = 9) {
  const args = ['--input-type=module', '-e', `const t0 = performance.now(); await import(${JSON.stringify(name)}); process.stdout.write(String(performance.now() - t0));`];
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    const ms = Number(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }));
    if (i > 0) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return { median: median(samples), min: samples[0], max: samples[samples.length - 1], runs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify({ esm: coldImport('esm'), cjs: coldImport('cjs'), zod: coldImportPackage('zod') }));
}
