import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScorer, defaultModel, parseModel, ComplaintRiskInputError, MODEL_FORMAT_VERSION, type Model } from '../../src/index.js';
import { expectedCustomerText, validInteraction } from '../support/arbitraries.js';
import { expectValidResult, roundingBudget } from './invariants.js';

const json = (x: unknown): string => JSON.stringify(x);
const clone = <T>(x: T): T => JSON.parse(json(x)) as T;

/** The issues parseModel throws, asserting it throws only ComplaintRiskInputError with path-named issues. */
function rejection(input: unknown): Array<{ path: string; code: string; message: string }> {
  try {
    parseModel(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ComplaintRiskInputError);
    const issues = (error as ComplaintRiskInputError).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(typeof issue.path).toBe('string');
    expect(json((error as ComplaintRiskInputError).toJSON()).length).toBeLessThan(64 * 1024);
    return issues;
  }
  throw new Error('expected parseModel to reject');
}

const paths = (input: unknown): string[] => rejection(input).map((i) => i.path);

/** Every path (as keys) to an object, array or leaf inside a JSON value. */
function allPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: Array<string | number>, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

const DEFAULT_PATHS = allPaths(defaultModel);
const reference = createScorer();
const referenceScores = [{ channel: 'phone', waitSeconds: 900, text: '我要投诉' }, { channel: 'chat', repeatContacts: 2 }].map((x) => reference.score(x));

describe('parseModel against hostile model files', () => {
  it('any single corruption of the default model is either a working model or a path-named ComplaintRiskInputError', () => {
    const junk = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, -0, 2 ** 64, '1', '', null, [], {}, 1e7, -1e7),
    );
    fc.assert(
      fc.property(fc.constantFrom(...DEFAULT_PATHS), junk, fc.boolean(), validInteraction, (path, value, remove, interaction) => {
        const corrupted = setAt(clone(defaultModel), path, value, remove);
        let model: Model | undefined;
        try {
          model = parseModel(corrupted);
        } catch (error) {
          expect(error, `at ${json(path)}`).toBeInstanceOf(ComplaintRiskInputError);
          for (const issue of (error as ComplaintRiskInputError).issues) expect(issue.path.length).toBeGreaterThan(0);
          return;
        }
        // Accepted: it must score like a model: finite, in range, exact up to float rounding
        // (a corrupted weight may be as large as MODEL_NUMBER_LIMITS allows; see SECURITY.md).
        const outcome = createScorer(model).safeScore(interaction);
        expect(outcome.ok).toBe(true);
        if (outcome.ok) expectValidResult(outcome.result, expectedCustomerText(interaction.text), roundingBudget(outcome.result));
      }),
      { numRuns: 600 },
    );
    // And nothing leaked into the shared defaults.
    expect([{ channel: 'phone', waitSeconds: 900, text: '我要投诉' }, { channel: 'chat', repeatContacts: 2 }].map((x) => reference.score(x))).toEqual(referenceScores);
  });

  it('a corrupted model given as JSON text is refused the same way', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DEFAULT_PATHS.filter((p) => p.length > 0)), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const text = json(setAt(clone(defaultModel), path, value, false));
        try {
          createScorer(parseModel(text)).score({ channel: 'phone', waitSeconds: 60 });
        } catch (error) {
          expect(error).toBeInstanceOf(ComplaintRiskInputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  describe('prototype keys anywhere are refused by path', () => {
    const text = json(defaultModel);
    it.each([
      ['root', text.replace('{', '{"__proto__":{"polluted":true},'), '__proto__'],
      ['in weights', text.replace('"weights":{', '"weights":{"__proto__":{"polluted":true},'), 'weights.__proto__'],
      ['in reference values', text.replace('"values":{', '"values":{"constructor":1,'), 'reference.values.constructor'],
      ['in a feature', text.replace('"features":[{', '"features":[{"prototype":1,'), 'features[0].prototype'],
      ['in expected seconds', text.replace('"expectedSeconds":{', '"expectedSeconds":{"__proto__":{"phone":1},'), 'features[0].expectedSeconds.__proto__'],
      ['deep in metadata', text.replace(/}$/, ',"metadata":{"a":[{"b":{"__proto__":{"x":1}}}]}}'), 'metadata.a[0].b.__proto__'],
      ['in bands', text.replace('"bands":{', '"bands":{"constructor":{"prototype":{}},'), 'bands.constructor'],
    ])('%s', (_name, source, path) => {
      expect(paths(source)).toContain(path);
      expect(paths(JSON.parse(source))).toContain(path);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    });
  });

  it.each([
    ['NaN weight', (m: any) => (m.weights.wait = Number.NaN), 'weights.wait'],
    ['Infinity weight', (m: any) => (m.weights.wait = Infinity), 'weights.wait'],
    ['-Infinity intercept', (m: any) => (m.intercept = -Infinity), 'intercept'],
    ['absurd weight', (m: any) => (m.weights.transfers = 1e300), 'weights.transfers'],
    ['absurd intercept', (m: any) => (m.intercept = -1e200), 'intercept'],
    ['absurd reference value', (m: any) => (m.reference.values.wait = 1e300), 'reference.values.wait'],
    ['weight as a numeric string', (m: any) => (m.weights.wait = '0.5'), 'weights.wait'],
    ['band threshold 1', (m: any) => (m.bands.critical = 1), 'bands.critical'],
    ['band threshold NaN', (m: any) => (m.bands.medium = Number.NaN), 'bands.medium'],
    ['unknown feature kind', (m: any) => (m.features[0].kind = 'horoscope'), 'features[0].kind'],
    ['feature without id', (m: any) => delete m.features[0].id, 'features[0].id'],
    ['duplicate feature id', (m: any) => (m.features[2].id = m.features[1].id), 'features[2].id'],
    ['weight for an unknown column', (m: any) => (m.weights.astrology = 1), 'weights.astrology'],
    ['reference for an unknown column', (m: any) => (m.reference.values.astrology = 0), 'reference.values.astrology'],
    ['features not an array', (m: any) => (m.features = { 0: m.features[0] }), 'features'],
    ['weights an array', (m: any) => (m.weights = [1, 2]), 'weights'],
    ['no features', (m: any) => (m.features = []), 'features'],
    ['id too long', (m: any) => (m.id = 'x'.repeat(10_000)), 'id'],
    ['a feature id that names an Object.prototype member, with no weight', (m: any) => m.features.push({ id: 'toString', kind: 'flag', signal: 'unresolved' }), 'weights.toString'],
    ['a feature id valueOf, with no reference value', (m: any) => {
      m.features.push({ id: 'valueOf', kind: 'flag', signal: 'unresolved' });
      m.weights.valueOf = 1;
    }, 'reference.values.valueOf'],
  ])('rejects %s at its path', (_name, mutate, path) => {
    const model = clone(defaultModel) as any;
    mutate(model);
    expect(paths(model)).toContain(path);
  });

  it.each([
    [2, /formatVersion 2 is newer/],
    [MODEL_FORMAT_VERSION + 1000, /is newer than this complaint-risk understands/],
    [1.5, /formatVersion must be 1/],
    [0, /formatVersion must be 1/],
    [-1, /formatVersion must be 1/],
    ['1', /formatVersion must be 1/],
    [Infinity, /formatVersion must be 1/],
    [null, /formatVersion must be 1/],
  ])('formatVersion %s is refused with a clear message', (version, message) => {
    const issues = rejection({ ...clone(defaultModel), formatVersion: version });
    expect(issues[0]?.path).toBe('formatVersion');
    expect(issues[0]?.message).toMatch(message);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an array', [defaultModel]],
    ['empty text', ''],
    ['truncated JSON text', json(defaultModel).slice(0, 100)],
    ['JSON text with a BOM', '\uFEFF' + json(defaultModel)],
    ['a model nested 100k deep', (() => { let v: unknown = 1; for (let i = 0; i < 100_000; i++) v = [v]; return { ...clone(defaultModel), metadata: { v } }; })()],
    ['a cyclic model', (() => { const m = clone(defaultModel) as any; m.metadata = { self: m }; return m; })()],
    ['a model with a million weights', { ...clone(defaultModel), weights: Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`w${i}`, 0])) }],
    ['a model whose getter throws', Object.defineProperty(clone(defaultModel), 'intercept', { enumerable: true, get: () => { throw new Error('boom'); } })],
    ['a Proxy whose ownKeys throws', new Proxy(clone(defaultModel), { ownKeys: () => { throw new Error('no keys'); } })],
    ['a revoked Proxy', (() => { const { proxy, revoke } = Proxy.revocable(clone(defaultModel), {}); revoke(); return proxy; })()],
  ])('refuses %s with a ComplaintRiskInputError', (_name, input) => {
    rejection(input);
  });

  it('a model whose getter changes its answer is read once: what was validated is what scores', () => {
    let reads = 0;
    const model = Object.defineProperty(clone(defaultModel), 'intercept', { enumerable: true, get: () => (reads++ === 0 ? defaultModel.intercept : Number.NaN) });
    const parsed = parseModel(model);
    expect(parsed.intercept).toBe(defaultModel.intercept);
    expect(createScorer(parsed).score({ channel: 'phone' }).probability).toBe(reference.score({ channel: 'phone' }).probability);
  });
});

describe('loading a model never touches shared state', () => {
  function expectDeepFrozen(value: unknown, path = 'model'): void {
    if (typeof value !== 'object' || value === null) return;
    expect(Object.isFrozen(value), path).toBe(true);
    for (const [k, v] of Object.entries(value)) expectDeepFrozen(v, `${path}.${k}`);
  }
  function objectsIn(value: unknown, into = new Set<object>()): Set<object> {
    if (typeof value === 'object' && value !== null && !into.has(value)) {
      into.add(value);
      for (const v of Object.values(value)) objectsIn(v, into);
    }
    return into;
  }

  it('defaultModel is deep-frozen', () => {
    expectDeepFrozen(defaultModel, 'defaultModel');
    expect(() => {
      (defaultModel.weights as Record<string, number>).wait = 100;
    }).toThrow(TypeError);
  });

  it('parseModel returns a fresh, deep-frozen graph that shares no object with its input, and leaves the input unfrozen', () => {
    const input = clone(defaultModel) as any;
    input.metadata = { note: { nested: [1, { deeper: true }] } };
    const parsed = parseModel(input);
    expectDeepFrozen(parsed);
    const shared = [...objectsIn(parsed)].filter((o) => objectsIn(input).has(o));
    expect(shared).toEqual([]);
    expect(Object.isFrozen(input)).toBe(false);
    expect(Object.isFrozen(input.metadata.note)).toBe(false);
    input.weights.wait = 999;
    input.features.length = 0;
    expect(parsed.weights.wait).toBe(defaultModel.weights.wait);
    expect(parsed.features.length).toBe(defaultModel.features.length);
  });

  it('parseModel(defaultModel) copies rather than returning the shared instance', () => {
    const parsed = parseModel(defaultModel);
    expect(parsed).toEqual(defaultModel);
    expect(parsed).not.toBe(defaultModel);
    expect(parsed.weights).not.toBe(defaultModel.weights);
  });

  it('a scorer built from an input object is unaffected by later changes to that object', () => {
    const input = clone(defaultModel) as any;
    const scorer = createScorer(input);
    const before = scorer.score({ channel: 'phone', waitSeconds: 600, unresolved: true });
    input.weights.unresolved = 50;
    input.intercept = 5;
    input.bands.high = 0.99;
    expect(scorer.score({ channel: 'phone', waitSeconds: 600, unresolved: true })).toEqual(before);
  });

  it('refusing or loading any number of models leaves the default scorer and Object.prototype as they were', () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const source of [
      json(defaultModel).replace('{', '{"__proto__":{"intercept":50},'),
      { ...clone(defaultModel), weights: { ...defaultModel.weights, unresolved: 50 } },
      { ...clone(defaultModel), id: 'other@1', intercept: 2 },
    ]) {
      try {
        createScorer(parseModel(source)).score({ channel: 'phone', unresolved: true });
      } catch {
        // refused: fine
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect([{ channel: 'phone', waitSeconds: 900, text: '我要投诉' }, { channel: 'chat', repeatContacts: 2 }].map((x) => createScorer().score(x))).toEqual(referenceScores);
  });
});
