// --import this file: registers the hooks, then replaces the globals a
// library could reach the network or the host through with functions that
// record the attempt and throw (feature detection such as zod's still works).
import { register } from 'node:module';

register('./block-builtins-hooks.mjs', import.meta.url);
const attempts = [];
Object.defineProperty(globalThis, '__blockedAttempts', { value: attempts, enumerable: false });
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'Request', 'Response', 'Headers', 'FormData']) {
  globalThis[name] = function blocked() {
    attempts.push(name);
    throw new Error(`blocked use of global "${name}"`);
  };
}
