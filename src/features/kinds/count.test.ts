import { describe, expect, it } from 'vitest';
import { countKind, countSpecSchema } from './count.js';
import { columnsOf } from '../../../test/support/feature-context.js';

const repeats = countKind.compile(countSpecSchema.parse({ id: 'repeatContacts', kind: 'count', signal: 'repeatContacts', cap: 5, halfLifeDays: 14 }));
const prior = countKind.compile(countSpecSchema.parse({ id: 'priorComplaints', kind: 'count', signal: 'priorComplaints', cap: 4 }));
const transfers = countKind.compile(countSpecSchema.parse({ id: 'transfers', kind: 'count', signal: 'transfers', cap: 4 }));
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1);

describe('count kind', () => {
  it('log2(1 + n) with a cap: the first repeat hurts more than the tenth', () => {
    expect(columnsOf(repeats, 1, { channel: 'phone', repeatContacts: 1 }).columns).toEqual([1]);
    expect(columnsOf(repeats, 1, { channel: 'phone', repeatContacts: 3 }).columns).toEqual([2]);
    expect(columnsOf(repeats, 1, { channel: 'phone', repeatContacts: 10_000 }).columns).toEqual([5]);
    expect(columnsOf(transfers, 1, { channel: 'phone' }).columns[0]).toBeNaN();
  });

  it('dated history replaces the bare count, recency-weighted, and supplies prior complaints', () => {
    const history = [{ at: NOW - DAY, complained: true }, { at: NOW - 14 * DAY }];
    const r = columnsOf(repeats, 1, { channel: 'phone', repeatContacts: 9, history, now: NOW });
    expect(r.columns[0]).toBeCloseTo(Math.log2(1 + 0.5 ** (1 / 14) + 0.5), 12);
    expect(repeats.reason(r.value as never, r.ctx, undefined).en).toBe('3rd contact in 14 days (recency-weighted 1.5 earlier)');
    expect(columnsOf(prior, 1, { channel: 'phone', history, now: NOW }).columns).toEqual([1]);
    // An explicit count wins over what history says; transfers never come from history.
    expect(columnsOf(prior, 1, { channel: 'phone', priorComplaints: 3, history, now: NOW }).columns).toEqual([2]);
    expect(columnsOf(transfers, 1, { channel: 'phone', history, now: NOW }).columns[0]).toBeNaN();
  });

  it('words each count', () => {
    const once = columnsOf(transfers, 1, { channel: 'phone', transfers: 1 });
    expect(transfers.reason(once.value as number, once.ctx, undefined)).toEqual({ zh: '被转接 1 次', en: 'Transferred 1 time' });
    const none = columnsOf(prior, 1, { channel: 'phone', priorComplaints: 0 });
    expect(prior.reason(none.value as number, none.ctx, undefined).en).toBe('No formal complaints before');
  });

  it('small and large counts are worded and weighed alike (the small ones are worked out when compiled)', () => {
    for (const n of [0, 1, 2, 31, 62, 63, 64, 65, 1000]) {
      const r = columnsOf(transfers, 1, { channel: 'phone', transfers: n });
      expect(r.columns).toEqual([Math.min(Math.log2(1 + n), 4)]);
      expect(transfers.reason(n, r.ctx, undefined)).toEqual(
        n === 0 ? { zh: '未经转接', en: 'Not transferred' } : { zh: `被转接 ${n} 次`, en: `Transferred ${n} ${n === 1 ? 'time' : 'times'}` },
      );
      expect(transfers.reason(n, r.ctx, undefined)).not.toBe(transfers.reason(n, r.ctx, undefined));
      expect(repeats.reason(n, r.ctx, undefined).en).toBe(n === 0 ? 'First contact about this issue' : `${n} earlier ${n === 1 ? 'contact' : 'contacts'} about the same issue`);
    }
  });
});
