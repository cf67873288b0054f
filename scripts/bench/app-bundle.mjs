// One import from the built package bundled as an application's bundler would
// (esbuild: bundled, tree-shaken, minified, platform-neutral ESM). Shared by
// the bundle-size bench and test/package/bundle-contents.test.ts.
import { build } from 'esbuild';

/** The minified code an app's bundle holds for `source` (an entry module's text), resolved from `resolveDir`. */
export async function bundleApp(source, resolveDir) {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}
