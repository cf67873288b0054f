import { describe, expect, it } from 'vitest';
import { ownData } from '../../src/core/own-properties.js';
import fc from 'fast-check';
import { createScorer, ComplaintRiskInputError, interactionSchema } from '../../src/index.js';
import { fastCheckInteraction } from '../../src/validate/fast-interaction-check.js';
import { usualInteraction, validInteraction } from '../support/arbitraries.js';

const scorer = createScorer();

function errorPaths(input: unknown): string[] {
  const outcome = scorer.safeScore(input);
  expect(outcome.ok).toBe(false);
  return outcome.ok ? [] : outcome.error.issues.map((i) => i.path);
}

describe('invalid input gets a clear error naming the field', () => {
  it.each([
    [{ channel: 'phone', waitSeconds: -5 }, 'waitSeconds'],
    [{ channel: 'phone', waitSeconds: NaN }, 'waitSeconds'],
    [{ channel: 'phone', waitSeconds: Infinity }, 'waitSeconds'],
    [{ channel: 'phone', waitSeconds: '30' }, 'waitSeconds'],
    [{ channel: 'phone', waitSeconds: 1e308 }, 'waitSeconds'],
    [{ channel: 'phone', repeatContacts: 1.5 }, 'repeatContacts'],
    [{ channel: 'phone', transfers: -1 }, 'transfers'],
    [{ channel: 'phone', priorComplaints: 2 ** 60 }, 'priorComplaints'],
    [{ channel: 'phone', unresolved: 'yes' }, 'unresolved'],
    [{ channel: 'fax' }, 'channel'],
    [{ waitSeconds: 3 }, 'channel'],
    [{ channel: 'phone', mood: 'angry' }, 'mood'],
    [{ channel: 'phone', text: 42 }, 'text'],
    [{ channel: 'phone', text: [{ speaker: 'bot', text: 'hi' }] }, 'text[0].speaker'],
    [{ channel: 'phone', text: [{ speaker: 'customer', text: 'hi', extra: 1 }] }, 'text[0].extra'],
    [{ channel: 'phone', attributes: { tier: { nested: true } } }, 'attributes.tier'],
  ])('%j → %s', (input, path) => {
    expect(errorPaths(input)).toContain(path);
  });

  it('score() throws a ComplaintRiskInputError whose message names the field', () => {
    expect(() => scorer.score({ channel: 'phone', waitSeconds: -1 })).toThrow(ComplaintRiskInputError);
    expect(() => scorer.score({ channel: 'phone', waitSeconds: -1 })).toThrow(/waitSeconds/);
  });

  it('rejects non-objects at the root', () => {
    for (const input of [null, undefined, 42, 'phone', [], true]) expect(errorPaths(input)).toEqual(['(root)']);
  });

  it('accepts Chinese channel aliases and case variants', () => {
    for (const [alias, channel] of [['电话', 'phone'], ['网点', 'branch'], ['在线', 'chat'], ['邮件', 'email'], ['社交媒体', 'social'], ['短信', 'sms'], [' Phone ', 'phone']]) {
      const result = scorer.score({ channel: alias as string, text: '社交' });
      expect(result.probability, alias).toBe(scorer.score({ channel: channel as string, text: '社交' }).probability);
    }
  });

  it('does not modify its input', () => {
    const input = Object.freeze({ channel: '电话', waitSeconds: 30, text: Object.freeze([Object.freeze({ speaker: 'customer', text: '太慢了' })]) });
    expect(() => scorer.score(input as never)).not.toThrow();
  });
});

describe('a field whose value has an odd length still gets an error naming it', () => {
  // zod runs a length bound on any value with a `length`, even one of the wrong type, and compares it with the
  // bound: a length the library's own copy made (an object that inherits nothing) could not be converted, and
  // the whole input came back as "(root): could not be read" (found by the agreement property, seed 1657439322).
  it.each([
    [{ channel: 'phone', text: { length: {} } }, 'text'],
    [{ channel: { length: {} } }, 'channel'],
    [{ channel: 'phone', text: [{ speaker: 'customer', text: { length: {} } }] }, 'text[0].text'],
    [{ channel: 'phone', attributes: { tier: { length: {} } } }, 'attributes.tier'],
  ])('%j', (input, path) => {
    expect(errorPaths(input)).toContain(path);
    expect(() => interactionSchema.safeParse(ownData(input, 3))).not.toThrow();
  });
});

describe('safeScore never throws', () => {
  it('for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const outcome = scorer.safeScore(value);
        if (!outcome.ok) {
          expect(outcome.error.issues.length).toBeGreaterThan(0);
          for (const issue of outcome.error.issues) expect(typeof issue.path).toBe('string');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('for objects that are almost interactions', () => {
    const almost = fc.record(
      {
        channel: fc.oneof(fc.constantFrom('phone', 'chat', '网点'), fc.string(), fc.integer()),
        waitSeconds: fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(null)),
        repeatContacts: fc.oneof(fc.integer(), fc.double(), fc.boolean()),
        text: fc.oneof(fc.string(), fc.array(fc.record({ speaker: fc.string(), text: fc.anything() }))),
        attributes: fc.dictionary(fc.string(), fc.anything()),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(almost, (value) => void scorer.safeScore(value)), { numRuns: 1000 });
  });

  it('for hostile objects (throwing getters, proxies)', () => {
    const getter = Object.defineProperty({ channel: 'phone' }, 'waitSeconds', { enumerable: true, get: () => { throw new Error('boom'); } });
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    for (const input of [getter, proxy]) {
      const outcome = scorer.safeScore(input);
      expect(outcome.ok).toBe(false);
    }
  });
});

describe('the fast structural check agrees with the zod schema', () => {
  it('accepts only what zod accepts, and the usual shapes', () => {
    const mutated = fc.tuple(validInteraction, fc.constantFrom('waitSeconds', 'repeatContacts', 'text', 'channel', 'unresolved', 'attributes', 'extra'), fc.anything()).map(
      ([x, key, value]) => ({ ...x, [key]: value }),
    );
    fc.assert(
      fc.property(fc.oneof(validInteraction, mutated), (input) => {
        const fast = fastCheckInteraction(input);
        // The slow path reads own properties only, as the fast one does (validateInteraction passes zod a copy of them).
        const slow = interactionSchema.safeParse(ownData(input, 3));
        if (fast !== undefined) {
          expect(slow.success).toBe(true);
          expect(fast).toEqual(slow.data);
        }
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(usualInteraction, (input) => {
      expect(fastCheckInteraction(input)).toBeDefined();
    }), { numRuns: 500 });
  });
});

describe('the fast check and zod agree on unusual objects too', () => {
  it('a field no interaction has sends the whole object to zod, even past an over-full attribute map', () => {
    // Two problems at once: zod's path names the attribute "__proto__" (checked first there), not the count.
    const attributes = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`a${i}`, 1]));
    const line = JSON.stringify({ channel: 'phone', attributes, bogus: 1 }).replace('"a299":1', '"__proto__":1');
    const outcome = createScorer().safeScore(JSON.parse(line));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.issues.map((i) => i.code)).toEqual(['forbidden_key']);
  });

  it('inherited, non-enumerable, symbol-keyed and accessor fields: fast accepts only what zod accepts, with the same value', () => {
    const dress = fc.constantFrom('plain', 'inherited', 'hidden', 'symbol', 'getter', 'null-proto');
    fc.assert(
      fc.property(validInteraction, dress, fc.constantFrom('waitSeconds', 'transfers', 'text', 'mood', 'attributes'), fc.anything(), (x, how, key, value) => {
        let input: Record<PropertyKey, unknown>;
        switch (how) {
          case 'inherited':
            input = Object.assign(Object.create({ [key]: value }), x);
            break;
          case 'hidden':
            input = Object.defineProperty({ ...x }, key, { value, enumerable: false });
            break;
          case 'symbol':
            input = { ...x, [Symbol(key)]: value };
            break;
          case 'getter':
            input = Object.defineProperty({ ...x }, key, { get: () => value, enumerable: true });
            break;
          case 'null-proto':
            input = Object.assign(Object.create(null), x, { [key]: value });
            break;
          default:
            input = { ...x, [key]: value };
        }
        const fast = fastCheckInteraction(input);
        // The slow path reads own properties only, as the fast one does (validateInteraction passes zod a copy of them).
        const slow = interactionSchema.safeParse(ownData(input, 3));
        if (fast !== undefined) {
          expect(slow.success).toBe(true);
          expect(fast).toEqual(slow.data);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
