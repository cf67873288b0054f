import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ReasonTable } from './reason-table.js';
import { DURATION_KEYS, durationKey, formatDuration } from './duration.js';

describe('ReasonTable', () => {
  it('hands out the kept words in a fresh object each time', () => {
    const table = new ReasonTable(4);
    for (let n = 0; n < 4; n++) table.remember(n, { zh: `第 ${n} 次`, en: `time ${n}` });
    const a = table.at(2);
    const b = table.at(2);
    expect(a).toEqual({ zh: '第 2 次', en: 'time 2' });
    expect(a).not.toBe(b);
    (a as { zh: string }).zh = 'edited';
    expect(table.at(2)).toEqual({ zh: '第 2 次', en: 'time 2' });
  });

  it('holds integers below its size only', () => {
    const table = new ReasonTable(3);
    expect([0, 1, 2].map((k) => table.holds(k))).toEqual([true, true, true]);
    expect([-1, 3, 1.5, NaN, Infinity].map((k) => table.holds(k))).toEqual([false, false, false, false, false]);
  });

  it('knows a lazily kept key only once remembered, and returns a copy of what it keeps', () => {
    const table = new ReasonTable(5);
    expect(table.at(3)).toBeUndefined();
    const given = { zh: '三', en: 'three' };
    const back = table.remember(3, given);
    expect(back).toEqual(given);
    expect(back).not.toBe(given);
    given.zh = 'edited';
    expect(table.at(3)).toEqual({ zh: '三', en: 'three' });
  });
});

describe('durationKey', () => {
  it('two durations with one key are worded alike; an hour and more has none', () => {
    const seconds = fc.double({ min: 0, max: 7200, noNaN: true });
    fc.assert(
      fc.property(seconds, seconds, (a, b) => {
        const key = durationKey(a);
        expect(key).toBeLessThan(DURATION_KEYS);
        if (key >= 0 && key === durationKey(b)) expect(formatDuration(b)).toEqual(formatDuration(a));
        if (Math.round(a) >= 3600) expect(key).toBe(-1);
      }),
      { numRuns: 2000 },
    );
    // The edges: 59.5 s is a minute, 59 min 30 s is an hour (no key), 3570 s is "1 h" under the 60th minute.
    expect([59.4, 59.5, 89.5, 3569, 3570, 3599.4, 3599.5].map(durationKey)).toEqual([59, 61, 62, 119, 120, 120, -1]);
    expect(formatDuration(3570)).toEqual({ zh: '1 小时', en: '1 h' });
  });
});
