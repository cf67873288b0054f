// Module hooks for the isolation test: any import of a Node built-in
// (fs, net, http, child_process, worker_threads, ...) fails loudly.
import { isBuiltin } from 'node:module';

export async function resolve(specifier, context, next) {
  if (isBuiltin(specifier)) throw new Error(`blocked import of Node built-in "${specifier}" from ${context.parentURL ?? 'the entry point'}`);
  return next(specifier, context);
}
