import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber } from '../../src/core/quote.js';

/** The definition the fast path must match: String of the value rounded to hundredths, 0 for -0, '+' when asked. */
function byDefinition(x: number, signed: boolean): string {
  const r = Math.round(x * 100) / 100;
  const s = String(r === 0 ? 0 : r);
  return signed && r > 0 ? '+' + s : s;
}

describe('formatNumber', () => {
  it('writes exactly what String(Math.round(x * 100) / 100) writes, for doubles of every size', () => {
    const doubles = fc.oneof(
      fc.double(),
      fc.double({ min: -20, max: 20 }),
      fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 100),
      fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 100 + 0.005),
      fc.double({ min: -1e16, max: 1e16 }),
      fc.constantFrom(0, -0, 0.005, -0.005, 0.015, 1.005, 2.675, 1e13 - 0.01, 1e13, 1e15, 9.99e14, NaN, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(doubles, fc.boolean(), (x, signed) => {
        expect(formatNumber(x, signed)).toBe(byDefinition(x, signed));
      }),
      { numRuns: 20_000 },
    );
  });

  it('drops trailing zeros and keeps a leading zero of the hundredths', () => {
    expect([formatNumber(0.5), formatNumber(0.05), formatNumber(-1.2), formatNumber(3), formatNumber(0.95, true), formatNumber(-0.001)]).toEqual(['0.5', '0.05', '-1.2', '3', '+0.95', '0']);
  });
});
