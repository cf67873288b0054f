import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScorer, ComplaintRiskInputError, INTERACTION_FIELDS, validateInteraction } from '../../src/index.js';
import { expectedCustomerText, hostileString, validInteraction } from '../support/arbitraries.js';
import { expectStructuredError, expectValidResult } from './invariants.js';

const scorer = createScorer();

/** safeScore's whole contract for one input: a valid result or a structured error, never a throw. */
function check(input: unknown): void {
  let outcome;
  expect(() => (outcome = scorer.safeScore(input))).not.toThrow();
  outcome = outcome as unknown as ReturnType<typeof scorer.safeScore>;
  if (outcome.ok) {
    const text = (validateInteraction(input) as { ok: true; value: { text?: string | Array<{ speaker: string; text: string }> } }).value?.text;
    expectValidResult(outcome.result, expectedCustomerText(text));
  } else expectStructuredError(outcome);
}

const FIELDS = INTERACTION_FIELDS;
const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'];

/** Objects that mostly look like interactions, with JSON junk in any field and dangerous keys sprinkled in. */
const nearInteraction = fc
  .tuple(
    fc.constantFrom('phone', 'chat', '电话', 'fax', ' Phone ', '', '__proto__', 'constructor'),
    fc.dictionary(fc.constantFrom(...FIELDS, ...DANGEROUS_KEYS), fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileString), { maxKeys: 6 }),
  )
  .map(([channel, rest]) => ({ channel, ...rest }));

describe('safeScore on any JSON value', () => {
  it('returns ok with a valid, exact result or a structured error naming the path', () => {
    fc.assert(fc.property(fc.jsonValue(), check), { numRuns: 500 });
    fc.assert(fc.property(nearInteraction, check), { numRuns: 800 });
  });

  it('does the same for JSON text parsed the way a pipeline parses it (own __proto__ keys)', () => {
    const json = fc.oneof(
      fc.json(),
      nearInteraction.map((x) => JSON.stringify(x)),
      fc.constantFrom(
        '{"channel":"phone","__proto__":{"waitSeconds":-1}}',
        '{"channel":"phone","attributes":{"__proto__":{"polluted":true}}}',
        '{"channel":"phone","attributes":{"constructor":{"prototype":{"polluted":true}}}}',
        '{"channel":"phone","text":[{"speaker":"customer","text":"hi","__proto__":{"speaker":"agent"}}]}',
        '{"channel":"phone","history":[{"at":0,"__proto__":{}}],"now":1}',
        '{"channel":"phone","waitSeconds":1e999}',
        '{"channel":"phone","transfers":12345678901234567890}',
      ),
    );
    fc.assert(
      fc.property(json, (text) => {
        check(JSON.parse(text));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('waitSeconds');
      }),
      { numRuns: 500 },
    );
  });

  it('valid interactions always score, exactly', () => {
    fc.assert(fc.property(validInteraction, (x) => {
      const outcome = scorer.safeScore(x);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expectValidResult(outcome.result, expectedCustomerText(x.text));
    }), { numRuns: 500 });
  });
});

describe('what does not change a score', () => {
  it('a JSON round trip, the order of keys, and the scorer instance', () => {
    fc.assert(
      fc.property(validInteraction, fc.infiniteStream(fc.nat()), (x, order) => {
        const a = scorer.safeScore(x);
        const roundTrip = scorer.safeScore(JSON.parse(JSON.stringify(x)));
        const entries = Object.entries(x);
        const it = order[Symbol.iterator]();
        const shuffled = Object.fromEntries(entries.map((e) => [it.next().value as number, e] as const).sort((p, q) => p[0] - q[0]).map(([, e]) => e));
        expect(roundTrip).toEqual(a);
        expect(scorer.safeScore(shuffled)).toEqual(a);
        expect(createScorer().safeScore(x)).toEqual(a);
        expect(scorer.score(x)).toEqual(a.ok ? a.result : undefined);
      }),
      { numRuns: 300 },
    );
  });
});

describe('prototype-pollution keys', () => {
  it.each([
    ['root __proto__', '{"channel":"phone","__proto__":{"waitSeconds":5}}', '__proto__'],
    ['root constructor', '{"channel":"phone","constructor":{"prototype":{}}}', 'constructor'],
    ['attribute __proto__', '{"channel":"phone","attributes":{"__proto__":1}}', 'attributes.__proto__'],
    ['attribute constructor', '{"channel":"phone","attributes":{"constructor":1}}', 'attributes.constructor'],
    ['attribute prototype', '{"channel":"phone","attributes":{"prototype":"x"}}', 'attributes.prototype'],
    ['turn __proto__', '{"channel":"phone","text":[{"speaker":"customer","text":"x","__proto__":{}}]}', 'text[0].__proto__'],
    ['history __proto__', '{"channel":"phone","history":[{"at":0,"__proto__":{}}],"now":1}', 'history[0].__proto__'],
  ])('%s is refused at its path', (_name, json, path) => {
    const outcome = scorer.safeScore(JSON.parse(json));
    expectStructuredError(outcome);
    expect(outcome.error.issues.map((i) => i.path)).toContain(path);
    expect(({} as Record<string, unknown>).waitSeconds).toBeUndefined();
  });

  it('never lets an input change Object.prototype or the scorer', () => {
    const before = scorer.safeScore({ channel: 'phone', waitSeconds: 300 });
    for (const json of ['{"channel":"phone","__proto__":{"waitSeconds":99999}}', '{"channel":"phone","attributes":{"__proto__":{"unresolved":true}}}'])
      scorer.safeScore(JSON.parse(json));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort());
    expect(({} as Record<string, unknown>).unresolved).toBeUndefined();
    expect(scorer.safeScore({ channel: 'phone', waitSeconds: 300 })).toEqual(before);
  });
});

describe('objects no JSON parser makes', () => {
  const getter = (value: () => unknown) => Object.defineProperty({ channel: 'phone' }, 'waitSeconds', { enumerable: true, get: value });

  it('reads each field once: a getter that lies on the second read cannot smuggle a value in', () => {
    let reads = 0;
    const input = getter(() => (reads++ === 0 ? 30 : -1e9));
    const outcome = scorer.safeScore(input);
    expect(outcome.ok).toBe(true);
    expect(reads).toBe(1);
    if (outcome.ok) {
      expectValidResult(outcome.result, '');
      expect(outcome.result).toEqual(scorer.score({ channel: 'phone', waitSeconds: 30 }));
    }
  });

  it('re-entrant scoring from inside a getter does not disturb the outer score (shared scratch buffers)', () => {
    const inner = { channel: 'chat', waitSeconds: 5000, repeatContacts: 4, unresolved: true, text: '我要投诉！！！' };
    const input = Object.defineProperty({ channel: 'phone', waitSeconds: 30 }, 'text', {
      enumerable: true,
      get: () => {
        scorer.score(inner);
        return '谢谢';
      },
    });
    const outcome = scorer.safeScore(input);
    expect(outcome).toEqual(scorer.safeScore({ channel: 'phone', waitSeconds: 30, text: '谢谢' }));
  });

  it('a Proxy that changes its answers is read once and scored as first read', () => {
    let reads = 0;
    const turns = [{ speaker: 'customer', text: '谢谢' }];
    const proxy = new Proxy(
      { channel: 'phone', text: turns },
      { get: (target, key) => (key === 'text' && reads++ > 0 ? [{ speaker: 'customer', text: 42 }] : Reflect.get(target, key)) },
    );
    const outcome = scorer.safeScore(proxy);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expectValidResult(outcome.result, '谢谢');
  });

  it('the scorer keeps no reference to the caller\'s objects', () => {
    const turns = [{ speaker: 'customer' as const, text: '我要投诉' }];
    const input = { channel: 'phone', text: turns, attributes: { tier: 'gold' } };
    const checked = validateInteraction(input);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value).not.toBe(input);
    expect(checked.value.text).not.toBe(turns);
    expect((checked.value.text as unknown[])[0]).not.toBe(turns[0]);
    expect(checked.value.attributes).not.toBe(input.attributes);
    turns[0]!.text = 'changed';
    expect((checked.value.text as Array<{ text: string }>)[0]!.text).toBe('我要投诉');
  });

  it.each([
    ['throwing getter', () => getter(() => { throw new Error('boom'); })],
    ['throwing getter that throws a non-Error', () => getter(() => { throw Object.create(null); })],
    ['getter on channel returning a number', () => Object.defineProperty({}, 'channel', { enumerable: true, get: () => 7 })],
    ['non-enumerable invalid field', () => Object.defineProperty({ channel: 'phone' }, 'waitSeconds', { enumerable: false, value: -5 })],
    ['inherited invalid field', () => Object.assign(Object.create({ waitSeconds: -5 }), { channel: 'phone' })],
    ['symbol keys', () => ({ channel: 'phone', [Symbol('x')]: 1, attributes: { [Symbol('y')]: 1 } })],
    ['Proxy whose ownKeys throws', () => new Proxy({ channel: 'phone' }, { ownKeys: () => { throw new Error('no keys'); } })],
    ['Proxy whose get throws', () => new Proxy({ channel: 'phone' }, { get: () => { throw new Error('no get'); } })],
    ['Proxy whose has/getOwnPropertyDescriptor throw', () => new Proxy({ channel: 'phone', waitSeconds: 1 }, { has: () => { throw new Error('has'); }, getOwnPropertyDescriptor: () => { throw new Error('gopd'); } })],
    ['revoked Proxy', () => { const { proxy, revoke } = Proxy.revocable({ channel: 'phone' }, {}); revoke(); return proxy; }],
    ['Proxy of an array as text', () => ({ channel: 'phone', text: new Proxy([{ speaker: 'customer', text: 'x' }], {}) })],
    ['cyclic object', () => { const x: Record<string, unknown> = { channel: 'phone' }; x.self = x; return x; }],
    ['cyclic attributes', () => { const a: Record<string, unknown> = {}; a.a = a; return { channel: 'phone', attributes: a }; }],
    ['cyclic turn', () => { const t: Record<string, unknown> = { speaker: 'customer', text: 'x' }; t.next = t; return { channel: 'phone', text: [t] }; }],
    ['sparse turn array', () => ({ channel: 'phone', text: new Array(50) })],
    ['a million turns', () => ({ channel: 'phone', text: new Array(1_000_000).fill({ speaker: 'customer', text: '投诉' }) })],
    ['a million history entries', () => ({ channel: 'phone', history: new Array(1_000_000).fill({ at: 0 }), now: 0 })],
    ['ten thousand attributes', () => ({ channel: 'phone', attributes: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`a${i}`, i])) })],
    ['a 5 MB attribute string', () => ({ channel: 'phone', attributes: { note: 'x'.repeat(5_000_000) } })],
    ['a 5 MB channel name', () => ({ channel: 'p'.repeat(5_000_000) })],
    ['a 5 MB unknown key', () => ({ channel: 'phone', ['k'.repeat(5_000_000)]: 1 })],
    ['a 5 MB attribute name', () => ({ channel: 'phone', attributes: { ['k'.repeat(5_000_000)]: 1 } })],
    ['ten thousand unknown keys', () => Object.fromEntries([['channel', 'phone'], ...Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])])],
    ['ten thousand bad turns', () => ({ channel: 'phone', text: Array.from({ length: 10_000 }, () => ({ speaker: 'bot', text: 1 })) })],
    ['deeply nested attribute', () => { let v: unknown = 1; for (let i = 0; i < 100_000; i++) v = { v }; return { channel: 'phone', attributes: { v } }; }],
    ['class instance', () => new (class { channel = 'phone'; waitSeconds = 30; })()],
    ['Date, Map, typed array as fields', () => ({ channel: 'phone', waitSeconds: new Date(), attributes: new Map([['a', 1]]), text: new Uint16Array(4) })],
    ['boxed primitives', () => ({ channel: new String('phone'), waitSeconds: new Number(3), unresolved: new Boolean(false) })],
    ['BigInt fields', () => ({ channel: 'phone', waitSeconds: 10n, transfers: 1n })],
    ['functions as fields', () => ({ channel: 'phone', text: () => '投诉', waitSeconds: () => 1 })],
    ['a thenable', () => ({ channel: 'phone', then: (resolve: (v: unknown) => void) => resolve(1) })],
    ['Object.create(null)', () => Object.assign(Object.create(null), { channel: 'phone', text: '投诉' })],
    ['frozen, sealed and non-extensible', () => Object.freeze({ channel: 'phone', text: Object.freeze([Object.freeze({ speaker: 'customer', text: '投诉' })]) })],
  ])('%s: ok or a structured error, never a throw', (_name, make) => {
    check(make());
  });

  it('score() turns every such failure into a ComplaintRiskInputError, never anything else', () => {
    for (const input of [
      getter(() => { throw new Error('boom'); }),
      new Proxy({}, { ownKeys: () => { throw new Error('x'); } }),
      { channel: 'phone', waitSeconds: Number.NaN },
    ]) {
      expect(() => scorer.score(input as never)).toThrow(ComplaintRiskInputError);
    }
  });
});
