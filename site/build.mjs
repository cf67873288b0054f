// Builds the playground into site/dist/: index.html, style.css and app.js, a
// classic (IIFE) script, since browsers refuse ES-module scripts from file://.
// The page imports 'complaint-risk', which resolves to the package's own
// browser build (dist/index.js, from `npm run build`), as an app's bundler would.
//   node site/build.mjs          (npm run site builds dist/ first)
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}site/dist`;

export async function buildSite() {
  if (!existsSync(`${root}dist/index.js`)) throw new Error('dist/index.js is missing: run `npm run build` first (npm run site does)');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['site/src/main.ts'],
    outfile: 'site/dist/app.js',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    // The root tsconfig, not site/tsconfig.json: that one maps 'complaint-risk' to src/ for type checking only.
    tsconfig: 'tsconfig.json',
    minify: true,
    legalComments: 'eof',
    loader: { '.jsonl': 'text' },
    metafile: true,
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'style.css']) copyFileSync(`${root}site/${file}`, `${out}/${file}`);
  const library = Object.keys(result.metafile.inputs).filter((path) => /^dist\//.test(path));
  if (!library.includes('dist/index.js')) throw new Error(`the page must bundle dist/index.js; it bundled ${library.join(', ') || 'no file of dist/'}`);
  return { dir: out, bytes: Object.values(result.metafile.outputs)[0].bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { dir, bytes } = await buildSite();
  console.log(`site built: ${dir}/index.html (app.js ${(bytes / 1024).toFixed(0)} KiB)`);
}
