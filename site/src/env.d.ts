/** esbuild's text loader bundles these files as strings (see site/build.mjs). */
declare module '*.jsonl' {
  const text: string;
  export default text;
}
