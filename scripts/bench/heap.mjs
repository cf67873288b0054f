// Heap per score() call and heap growth across many calls, in a fresh process with --expose-gc.
import { fileURLToPath } from 'node:url';
import { runChild } from './child.mjs';

export function heap(calls = 1_000_000) {
  return runChild(fileURLToPath(new URL('./heap-child.mjs', import.meta.url)), {
    // A large young generation, so short runs finish between collections and their allocation shows whole.
    nodeArgs: ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64'],
    args: [String(calls)],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await heap(Number(process.argv[2] ?? 1_000_000))));
}
