/** The minified code an app's bundle holds for `source` (an entry module's text), resolved from `resolveDir`. */
export function bundleApp(source: string, resolveDir: string): Promise<Uint8Array>;
