import * as z from 'zod';
import { WriteOnce } from './write-once.js';

/**
 * A zod schema made on first use, standing in for it until then: building
 * the library's schemas (interaction, model, every feature kind, options)
 * took ~12 ms of a ~46 ms import, and most programs only ever score valid
 * input, which the fast check reads without zod.
 *
 * What is exported is a Proxy that passes every operation on to the schema,
 * built once (a WriteOnce) the first time anything is read from it
 * (`safeParse`, `_zod`, `shape`, `instanceof`), so it is a zod schema in
 * every way an application uses one: parsed, composed into its own objects
 * and unions, converted by `z.toJSONSchema`, typed exactly as the schema.
 * The proxy is the schema's one identity; the built object is never handed
 * out:
 * - methods run with the proxy as `this`, so what they make (`.optional()`,
 *   `.array()`, `.meta()`) wraps the proxy;
 * - `meta` (an `id` above all) is registered for the proxy, so pass it here
 *   rather than calling `.meta()` in `build`;
 * - zod's JSON Schema converter keys what it has seen by object, and each
 *   schema's own converter closes over the object it was made for: the
 *   proxy's internals hide that one, and zod converts by the schema's type
 *   with the generic converter for it, handed the proxy.
 * Compositions inside the library use the proxies too, so a JSON Schema
 * names `Interaction` or `Model` wherever it did.
 *
 * The one cache it holds is the WriteOnce: deterministic, never changed
 * after it is made (the library-rules test allows exactly this call).
 */
export function lazySchema<T extends z.core.$ZodType>(build: () => T, meta?: z.core.GlobalMeta): T {
  const made = new WriteOnce(() => {
    const schema: z.core.$ZodType = build();
    // Registry entries are looked up by object: meta on the built schema would never be found for the proxy.
    if (z.globalRegistry.has(schema)) throw new Error('lazySchema: pass the meta to lazySchema, not to the schema it builds');
    const internals: z.core.$ZodTypeInternals = Object.create(schema._zod, { processJSONSchema: { value: undefined } });
    return { schema, internals };
  });
  const schema = (): object => made.get().schema;
  const stand: object = {
    // Node's inspect shows a proxy's target without asking the proxy: show the schema instead of an empty object.
    [Symbol.for('nodejs.util.inspect.custom')]: (_depth: number, options: object, inspect: (value: unknown, options: object) => string) => inspect(schema(), options),
  };
  const proxy = new Proxy(stand, {
    get: (_stand, key, receiver) => (key === '_zod' ? made.get().internals : Reflect.get(schema(), key, receiver)),
    set: (_stand, key, value) => Reflect.set(schema(), key, value),
    has: (_stand, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    // Reported configurable: a proxy may not call a property non-configurable that its own target lacks (zod's _zod is).
    getOwnPropertyDescriptor: (_stand, key) => {
      if (key === '_zod') return { value: made.get().internals, writable: false, enumerable: false, configurable: true };
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    defineProperty: (_stand, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    deleteProperty: (_stand, key) => Reflect.deleteProperty(schema(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    setPrototypeOf: () => false,
    // Freezing the stand-in would freeze the wrong object (and break the proxy's invariants).
    preventExtensions: () => false,
  }) as T;
  if (meta !== undefined) z.globalRegistry.add(proxy, meta);
  return proxy;
}
