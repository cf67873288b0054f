import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScorer, defaultModel, parseModel, ComplaintRiskInputError, INTERACTION_FIELDS, modelJsonSchema, interactionJsonSchema } from '../../src/index.js';
import { validInteraction } from '../support/arbitraries.js';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function rejection(json: unknown): string {
  try {
    parseModel(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ComplaintRiskInputError);
    return (error as Error).message;
  }
  throw new Error('expected parseModel to reject');
}

describe('parseModel', () => {
  it('accepts the default model and round-trips it through JSON with identical scores', () => {
    const reloaded = parseModel(JSON.parse(JSON.stringify(defaultModel)));
    const a = createScorer();
    const b = createScorer(reloaded);
    fc.assert(
      fc.property(validInteraction, (x) => {
        expect(b.score(x)).toEqual(a.score(x));
      }),
      { numRuns: 300 },
    );
    expect(parseModel(JSON.stringify(defaultModel))).toEqual(reloaded);
  });

  it('returns a frozen model: a scorer cannot be changed under it', () => {
    const model = parseModel(clone(defaultModel));
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.weights)).toBe(true);
    expect(Object.isFrozen(defaultModel.features[0])).toBe(true);
  });

  it('refuses a model from the future, saying so', () => {
    expect(rejection({ ...clone(defaultModel), formatVersion: 2 })).toMatch(/formatVersion 2 is newer/);
  });

  it('refuses __proto__ and constructor keys anywhere', () => {
    expect(rejection(JSON.parse(`{"__proto__": {"polluted": true}, "formatVersion": 1}`))).toMatch(/__proto__/);
    const nested = clone(defaultModel) as unknown as { weights: Record<string, unknown> };
    const json = JSON.stringify(nested).replace('"weights":{', '"weights":{"constructor":{"prototype":1},');
    expect(rejection(JSON.parse(json))).toMatch(/weights\.constructor/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['non-finite weight', (m: any) => (m.weights.wait = null), 'weights.wait'],
    ['missing weight', (m: any) => delete m.weights.transfers, 'weights.transfers'],
    ['weight for unknown column', (m: any) => (m.weights.mood = 1), 'weights.mood'],
    ['unknown feature kind', (m: any) => (m.features[0].kind = 'horoscope'), 'features[0].kind'],
    ['bad band order', (m: any) => (m.bands.high = 0.05), 'bands'],
    ['missing reference value', (m: any) => delete m.reference.values.wait, 'reference.values.wait'],
    ['duplicate feature id', (m: any) => (m.features[1].id = 'wait'), 'features[1].id'],
    ['negative expected wait', (m: any) => (m.features[0].expectedSeconds.phone = -1), 'features[0].expectedSeconds.phone'],
    ['unknown top-level key', (m: any) => (m.extra = 1), 'extra'],
    ['string intercept', (m: any) => (m.intercept = '-3'), 'intercept'],
  ])('rejects a %s with its path', (_name, mutate, path) => {
    const model = clone(defaultModel);
    mutate(model);
    expect(rejection(model)).toContain(`${path}:`);
  });

  it('rejects non-JSON text and non-objects', () => {
    expect(rejection('{not json')).toMatch(/not valid JSON/);
    expect(rejection(null)).toMatch(/invalid model/);
    expect(rejection([])).toMatch(/invalid model/);
  });

  it('rejects absurd nesting without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(rejection({ ...clone(defaultModel), metadata: { deep } })).toMatch(/deeper/);
  });

  it('createScorer validates a model it is given', () => {
    expect(() => createScorer({ ...clone(defaultModel), intercept: Number.NaN })).toThrow(/intercept/);
  });
});

describe('JSON Schemas for embedders', () => {
  it('describe the interaction and model formats', () => {
    const interaction = JSON.stringify(interactionJsonSchema());
    for (const field of INTERACTION_FIELDS)
      expect(interaction).toContain(`"${field}"`);
    const model = JSON.stringify(modelJsonSchema());
    for (const field of ['formatVersion', 'features', 'weights', 'intercept', 'reference', 'bands']) expect(model).toContain(`"${field}"`);
  });
});
