import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fit, evaluate } from '../../src/calibrate.js';
import { createScorer, defaultModel, type Model } from '../../src/index.js';
import { hostileString } from '../support/arbitraries.js';

/** Records as an export produces them: mostly plausible, with junk in any field. */
const record = fc.record(
  {
    channel: fc.oneof(fc.constantFrom('phone', 'chat', '电话', 'email'), fc.string()),
    waitSeconds: fc.oneof(fc.nat(5000), fc.double(), fc.constantFrom(Number.NaN, Infinity, -1, '30')),
    repeatContacts: fc.oneof(fc.nat(5), fc.double()),
    unresolved: fc.oneof(fc.boolean(), fc.jsonValue()),
    text: fc.oneof(hostileString, fc.jsonValue()),
    label: fc.oneof(fc.boolean(), fc.constantFrom(0, 1, 2, -1, Number.NaN, 'yes', null)),
    weight: fc.oneof(fc.double(), fc.constantFrom(1, 0, -1, Infinity, Number.NaN)),
  },
  { requiredKeys: [] },
);
const records = fc.oneof(fc.array(record, { maxLength: 25 }), fc.array(fc.jsonValue(), { maxLength: 5 }));

/** What fitting or evaluating junk may end in: a deliberate, worded refusal, never a crash from inside. */
function expectDeliberate(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  const message = (error as Error).message;
  expect(message.length).toBeGreaterThan(0);
  expect(message).not.toMatch(/Cannot read prop|is not a function|is not iterable|undefined is not|Maximum call stack/);
}

describe('fit and evaluate on hostile records', () => {
  it('either return finite results or refuse with a worded error', () => {
    fc.assert(
      fc.property(records, (input) => {
        try {
          const report = evaluate(defaultModel, input as never);
          for (const key of ['brier', 'logLoss', 'ece'] as const) expect(Number.isFinite(report[key])).toBe(true);
        } catch (error) {
          expectDeliberate(error);
        }
        let model: Model;
        try {
          model = fit(input as never, { constantColumns: 'keepPrior' }).model;
        } catch (error) {
          expectDeliberate(error);
          return;
        }
        // A fitted model is a valid model: it scores.
        const outcome = createScorer(model).safeScore({ channel: 'phone', waitSeconds: 600 });
        expect(outcome.ok).toBe(true);
        if (outcome.ok) expect(Number.isFinite(outcome.result.probability)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('records that are not an array', () => {
  it('evaluate and fit refuse them with a worded error', () => {
    for (const input of [42, 'records.jsonl', {}, { length: 3 }]) {
      expect(() => evaluate(defaultModel, input as never)).toThrow(/records must be an array/);
      expect(() => fit(input as never)).toThrow(/records must be an array/);
    }
    for (const input of [null, undefined]) expect(() => evaluate(defaultModel, input as never)).toThrow(/records must be an array/);
  });
});
