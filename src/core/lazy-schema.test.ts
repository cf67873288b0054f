import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { lazySchema } from './lazy-schema.js';

/** A schema and a counter of how often it was built. */
function counted<T extends z.core.$ZodType>(make: () => T, meta?: z.core.GlobalMeta): { schema: T; builds: () => number } {
  let builds = 0;
  const schema = lazySchema(() => {
    builds++;
    return make();
  }, meta);
  return { schema, builds: () => builds };
}

const person = () => z.strictObject({ name: z.string().min(1), age: z.int().min(0).optional() });

describe('lazySchema: a zod schema built on first use', () => {
  it('builds nothing until the schema is used, then builds once whatever reads it', () => {
    for (const use of [
      (s: z.ZodType) => s.safeParse({ name: 'a' }),
      (s: z.ZodType) => s instanceof z.ZodType,
      (s: z.ZodType) => '_zod' in s,
      (s: z.ZodType) => Object.keys(s),
      (s: z.ZodType) => s.optional(),
    ]) {
      const { schema, builds } = counted(person);
      expect(builds()).toBe(0);
      use(schema);
      use(schema);
      expect(builds()).toBe(1);
    }
  });

  it('parses, fails and types exactly as the schema it builds', () => {
    const eager = person();
    const { schema } = counted(person);
    for (const input of [{ name: 'Li', age: 3 }, { name: '' }, { name: 'Li', extra: 1 }, { age: -1 }, null, 'x'])
      expect(schema.safeParse(input)).toEqual(eager.safeParse(input));
    const typed: { name: string; age?: number | undefined } = schema.parse({ name: 'Li' });
    expect(typed).toEqual({ name: 'Li' });
    expect(Object.keys(schema.shape)).toEqual(['name', 'age']);
    expect(schema.extend({ city: z.string() }).safeParse({ name: 'Li', city: 'Xi’an' }).success).toBe(true);
  });

  it('is the identity the schema has: what its methods make wraps it, and its meta is found for it', () => {
    const { schema } = counted(person, { id: 'LazyPerson', description: 'someone' });
    expect(schema.optional().unwrap()).toBe(schema);
    expect(z.globalRegistry.get(schema)).toEqual({ id: 'LazyPerson', description: 'someone' });
    expect(schema.description).toBe('someone');
    // The proxy is seen twice (itself, and inside optional): one definition under its id, no duplicate-id error.
    const json = z.toJSONSchema(z.object({ a: schema, b: schema.optional() })) as { $defs?: Record<string, unknown>; properties: Record<string, unknown> };
    expect(Object.keys(json.$defs ?? {})).toEqual(['LazyPerson']);
    expect(json.properties.a).toEqual({ $ref: '#/$defs/LazyPerson' });
    z.globalRegistry.remove(schema);
  });

  it('converts to the same JSON Schema as the schema itself, wrappers and transforms included', () => {
    const makers: Array<() => z.ZodType> = [
      person,
      () => person().optional(),
      () => z.string().transform((s) => s.length),
      () => z.array(z.number().min(0)).max(3),
      () => z.union([z.literal('a'), z.strictObject({ b: z.boolean() })]).nullable(),
      () => z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('x') }), z.strictObject({ kind: z.literal('y'), n: z.number() })]),
    ];
    for (const make of makers)
      for (const io of ['input', 'output'] as const) expect(z.toJSONSchema(counted(make).schema, { io, unrepresentable: 'any' })).toEqual(z.toJSONSchema(make(), { io, unrepresentable: 'any' }));
  });

  it('refuses meta given to the built schema (the proxy could never report it)', () => {
    const { schema } = counted(() => z.string().meta({ description: 'lost' }));
    expect(() => schema.safeParse('x')).toThrow(/pass the meta to lazySchema/);
  });

  it('cannot be frozen or given another prototype (that would change the stand-in, not the schema)', () => {
    const { schema } = counted(person);
    expect(() => Object.freeze(schema)).toThrow(TypeError);
    expect(() => Object.setPrototypeOf(schema, null)).toThrow(TypeError);
    expect(schema.safeParse({ name: 'a' }).success).toBe(true);
  });
});
