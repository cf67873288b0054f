import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScorer, LIMITS } from '../../src/index.js';
import { expectStructuredError, expectValidResult } from './invariants.js';

const scorer = createScorer();

/** Every place a number can enter an interaction: how to put a value there, the path an error must name, and what is accepted. */
const FIELDS: Array<{ path: string; put: (v: unknown) => Record<string, unknown>; accepts: (v: unknown) => boolean }> = [
  { path: 'waitSeconds', put: (v) => ({ waitSeconds: v }), accepts: (v) => typeof v === 'number' && v >= 0 && v <= LIMITS.maxWaitSeconds },
  { path: 'repeatContacts', put: (v) => ({ repeatContacts: v }), accepts: isCount },
  { path: 'transfers', put: (v) => ({ transfers: v }), accepts: isCount },
  { path: 'priorComplaints', put: (v) => ({ priorComplaints: v }), accepts: isCount },
  {
    path: 'attributes.balance',
    put: (v) => ({ attributes: { balance: v } }),
    // Attribute strings and booleans are values of their own type, never coerced to numbers.
    accepts: (v) =>
      (typeof v === 'number' && Math.abs(v) <= LIMITS.maxAttributeMagnitude) ||
      typeof v === 'boolean' ||
      (typeof v === 'string' && v.length <= LIMITS.maxAttributeLength),
  },
  { path: 'now', put: (v) => ({ history: [{ at: 0 }], now: v }), accepts: isTimestamp },
  { path: 'history[0].at', put: (v) => ({ history: [{ at: v }], now: 1_700_000_000_000 }), accepts: isTimestamp },
  { path: 'text[0].at', put: (v) => ({ text: [{ speaker: 'customer', text: '等了很久', at: v }] }), accepts: isTimestamp },
];

function isCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= LIMITS.maxCount;
}
function isTimestamp(v: unknown): boolean {
  return typeof v === 'number' && Math.abs(v) <= 8.64e15;
}

const HOSTILE_NUMBERS: unknown[] = [
  Number.NaN, Infinity, -Infinity, -1, -1e-300, -0, 0, Number.MIN_VALUE, Number.EPSILON, 1.5, 1e308, Number.MAX_VALUE, -Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 2 ** 64, -(2 ** 64), 8.64e15, 8.64e15 + 1, LIMITS.maxWaitSeconds + 1e-9, LIMITS.maxCount + 1,
  '30', '1e3', ' 5 ', '', '0x10', 'NaN', 'Infinity', '-0', true, false, null, [], [5], {}, { valueOf: () => 5 }, 10n,
];

const label = (v: unknown): string => (typeof v === 'bigint' ? `${v}n` : Object.is(v, -0) ? '-0' : typeof v === 'number' ? String(v) : JSON.stringify(v) ?? String(v));

describe('hostile numbers in every numeric field', () => {
  for (const field of FIELDS) {
    it(`${field.path}: a clear error at that path, or an accepted value that scores validly`, () => {
      for (const value of HOSTILE_NUMBERS) {
        const outcome = scorer.safeScore({ channel: 'phone', ...field.put(value) });
        if (field.accepts(value)) {
          expect(outcome.ok, `${field.path} = ${label(value)} should be accepted`).toBe(true);
          if (outcome.ok) expectValidResult(outcome.result, field.path === 'text[0].at' ? '等了很久' : '');
        } else {
          expectStructuredError(outcome);
          const at = outcome.error.issues.filter((i) => i.path === field.path);
          expect(at.length, `${field.path} = ${label(value)}: ${outcome.error.message}`).toBeGreaterThan(0);
          // The message says what is expected, not zod's bare "Invalid input".
          for (const issue of at) expect(issue.message, `${field.path} = ${label(value)}`).not.toMatch(/^Invalid input/);
          expect(outcome.error.message).toContain(field.path);
        }
      }
    });
  }

  it('-0 is taken as 0 everywhere (a documented clamp, not an error)', () => {
    for (const field of FIELDS.filter((f) => f.path !== 'text[0].at')) {
      const minus = scorer.safeScore({ channel: 'phone', ...field.put(-0) });
      const plus = scorer.safeScore({ channel: 'phone', ...field.put(0) });
      expect(minus.ok && plus.ok, field.path).toBe(true);
      if (minus.ok && plus.ok) expect(minus.result.probability).toBe(plus.result.probability);
    }
  });

  it('no double ever yields a NaN probability or an inexact explanation', () => {
    const anyDouble = fc.oneof(fc.double(), fc.integer(), fc.bigInt().map(Number), fc.constantFrom(...HOSTILE_NUMBERS.filter((v) => typeof v === 'number')));
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), anyDouble, (field, value) => {
        const outcome = scorer.safeScore({ channel: 'phone', ...field.put(value) });
        if (outcome.ok) expectValidResult(outcome.result, field.path === 'text[0].at' ? '等了很久' : '');
        else expectStructuredError(outcome);
        expect(outcome.ok).toBe(field.accepts(value));
      }),
      { numRuns: 1500 },
    );
  });

  it('values at the documented limits score, one past them is refused', () => {
    const atLimit = {
      channel: 'phone',
      waitSeconds: LIMITS.maxWaitSeconds,
      repeatContacts: LIMITS.maxCount,
      transfers: LIMITS.maxCount,
      priorComplaints: LIMITS.maxCount,
      unresolved: true,
      attributes: { big: LIMITS.maxAttributeMagnitude, small: -LIMITS.maxAttributeMagnitude },
    };
    const outcome = scorer.safeScore(atLimit);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expectValidResult(outcome.result, '');
      expect(outcome.result.band).toBe('critical');
    }
    expect(scorer.safeScore({ ...atLimit, waitSeconds: LIMITS.maxWaitSeconds * 1.000001 }).ok).toBe(false);
    expect(scorer.safeScore({ ...atLimit, transfers: LIMITS.maxCount + 1 }).ok).toBe(false);
    expect(scorer.safeScore({ ...atLimit, attributes: { big: LIMITS.maxAttributeMagnitude * 1.01 } }).ok).toBe(false);
  });

  it('timestamps: ISO-8601 dates and zoned date-times only, so a score never depends on the host time zone', () => {
    const accepted = ['2026-11-23', '2026-11-23T09:30:00Z', '2026-11-23T17:30:00+08:00', '2026-11-23T09:30Z', '2024-02-29T00:00:00.123Z'];
    const refused = ['2026-11-23T09:30:00', 'Tue Mar 5 2024', '30', '1700000000000', '2026-02-30', '2026-13-01', '2026-11-23T25:00:00Z', '', 'x'.repeat(1000)];
    for (const at of accepted) expect(scorer.safeScore({ channel: 'phone', history: [{ at }], now: '2026-11-24T00:00:00Z' }).ok, at).toBe(true);
    for (const at of refused) {
      const outcome = scorer.safeScore({ channel: 'phone', history: [{ at }], now: '2026-11-24T00:00:00Z' });
      expectStructuredError(outcome);
      expect(outcome.error.issues[0]?.path, at).toBe('history[0].at');
      expect(outcome.error.issues[0]?.message).toMatch(/ISO-8601/);
    }
  });
});
