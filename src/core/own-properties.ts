/**
 * Input is read as its own properties only. zod (like any `input[key]`
 * read) also finds what is inherited, so a key someone set on
 * Object.prototype (`Object.prototype.waitSeconds = 600`, by other code or
 * a polluted dependency) would pose as a field of every interaction, model
 * and options object, and once checked, what the library reads from it
 * later must not inherit either. These copies keep each object's own
 * enumerable properties on a prototype that inherits nothing, and read each
 * property once (a getter cannot answer differently later).
 */

/**
 * The prototype of every object these copies make: it inherits nothing, so
 * an absent key reads as undefined whatever Object.prototype holds. (Not a
 * null prototype itself: V8 keeps objects whose prototype is null in its
 * slow dictionary mode; objects made from this one stay fast.)
 *
 * It answers one question a plain object answers: what it is as a primitive
 * (Symbol.toPrimitive, a key no data can hold). zod bounds the length of any
 * value that has a `length`, of the wrong type too, by comparing it with a
 * number; an object that inherits nothing could not be compared, so
 * `text: { length: {} }` threw inside zod and lost its path.
 */
const NOTHING: object = Object.freeze(
  Object.create(null, { [Symbol.toPrimitive]: { value: () => '[object Object]' } }) as object,
);

/** A fresh, empty object that inherits nothing. */
export function bareObject<T extends object = Record<string, unknown>>(): T {
  return Object.create(NOTHING) as T;
}

/**
 * Data (an interaction, a model file, a lexicon, session state): every
 * object and array down to `depth` levels is copied; deeper values are
 * passed as they are (the schemas that read them bound the depth anyway).
 */
export function ownData(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth <= 0) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = ownData(value[i], depth - 1);
    return copy;
  }
  const copy = bareObject();
  for (const key of Object.keys(value)) copy[key] = ownData((value as Record<string, unknown>)[key], depth - 1);
  return copy;
}

/**
 * An options object and the plain objects inside it (terms, classWeight,
 * bands). Frozen objects (parsed models), arrays, functions and class
 * instances (analyzers, typed arrays) are passed as they are: their own
 * checks read them.
 */
export function ownProperties(value: unknown, depth = 3): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.isFrozen(value) || depth === 0) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy = bareObject();
  for (const key of Object.keys(value)) copy[key] = ownProperties((value as Record<string, unknown>)[key], depth - 1);
  return copy;
}

/** Whether `key` is an own property of `value` (not inherited). */
export function hasOwn(value: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}
