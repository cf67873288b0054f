// Min+gzip size of the core bundle: what an app bundler adds for
// `import { createScorer } from 'complaint-risk'` (dist/index.js with its
// dependencies inlined, minified by esbuild, gzip level 9), and the inputs
// that weigh the most.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { distDir } from './child.mjs';
import { bundleApp } from './app-bundle.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

function packageOf(path) {
  if (path.includes('complaint-risk-bench/dist/') || /(^|\/)dist\//.test(path) && !path.includes('node_modules/')) return 'complaint-risk (dist)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/(v4\/[^/]+))?/.exec(path);
  if (match === null) return /(^|\/)dist\//.test(path) ? 'complaint-risk (dist)' : path;
  return match[2] === undefined ? match[1] : `${match[1]}/${match[2]}`;
}

export async function bundleSize(entry = `${distDir()}index.js`) {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const output = Object.values(result.metafile.outputs)[0];
  const byPackage = new Map();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = packageOf(path);
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  const largest = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return { entry: 'dist/index.js', minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, largest };
}

/**
 * Min+gzip size of what an app's bundler keeps for one import from the built
 * package (`import { parseModel } from 'complaint-risk'`), tree-shaken as
 * esbuild does it: the whole chunk would be kept without the pure markers
 * on the lexicon's lazy holders.
 */
export async function importSize(names, dir = distDir()) {
  const code = await bundleApp(`import { ${names.join(', ')} } from ${JSON.stringify(`${dir}index.js`)}; console.log(${names.join(', ')});`, root);
  return { imports: names, minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify({ core: await bundleSize(), parseModel: await importSize(['parseModel']) }));
}
