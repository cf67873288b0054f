import { describe, expect, it } from 'vitest';
import { MAX_ROW_ID_LENGTH, takeRowId, withRowId } from '../../src/cli/row-id.js';
import { rowOutput, scoreRow } from '../../src/cli/score-row.js';
import { createScorer } from '../../src/index.js';

describe('row ids: taken off before validation, put back first on the output', () => {
  it('takes a string or finite number id off a copy, leaving the row itself untouched', () => {
    const row = { id: 'T-1', channel: 'phone' };
    expect(takeRowId(row)).toEqual({ ok: true, id: 'T-1', row: { channel: 'phone' } });
    expect(row).toEqual({ id: 'T-1', channel: 'phone' });
    expect(takeRowId({ id: 0, channel: 'chat' })).toEqual({ ok: true, id: 0, row: { channel: 'chat' } });
    expect(takeRowId({ id: '', channel: 'chat' })).toMatchObject({ ok: true, id: '' });
  });

  it('passes rows without an own id (and non-objects) through unchanged', () => {
    const inherited = Object.create({ id: 'from-prototype' }) as Record<string, unknown>;
    inherited.channel = 'sms';
    for (const row of [{ channel: 'phone' }, inherited, ['id'], 'id', 5, null, undefined]) expect(takeRowId(row)).toEqual({ ok: true, id: undefined, row });
  });

  it('rejects ids that are not strings or finite numbers, or too long, naming the path id', () => {
    for (const id of [null, true, { a: 1 }, [1], Number.NaN, Number.POSITIVE_INFINITY, 'x'.repeat(MAX_ROW_ID_LENGTH + 1)]) {
      const split = takeRowId({ id, channel: 'phone' });
      expect(split.ok, String(id)).toBe(false);
      if (!split.ok) expect(split.error.issues).toEqual([{ path: 'id', code: 'invalid_id', message: expect.any(String) }]);
    }
    expect(takeRowId({ id: 'x'.repeat(MAX_ROW_ID_LENGTH) }).ok).toBe(true);
  });

  it('keeps a __proto__ key an own key of the rest, for validation to report', () => {
    const row = JSON.parse('{"id": 1, "__proto__": {"polluted": true}, "channel": "phone"}') as unknown;
    const split = takeRowId(row);
    expect(split.ok && Object.hasOwn(split.row as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('puts the id back as the first key, and adds nothing without one', () => {
    expect(Object.keys(withRowId('a', { probability: 0.5, band: 'low' }))).toEqual(['id', 'probability', 'band']);
    const output = { band: 'low' };
    expect(withRowId(undefined, output)).toBe(output);
  });

  it('scoreRow and rowOutput: the id travels with results and errors alike', () => {
    const scorer = createScorer();
    const ok = scoreRow(scorer, { id: 9, channel: 'phone', waitSeconds: 300 });
    expect(rowOutput(ok)).toEqual({ id: 9, ...scorer.score({ channel: 'phone', waitSeconds: 300 }) });
    expect(rowOutput(scoreRow(scorer, { id: 'e', channel: 'fax' }))).toMatchObject({ id: 'e', error: { issues: [{ path: 'channel' }] } });
    expect(rowOutput(scoreRow(scorer, { id: false, channel: 'phone' }))).toEqual({ error: expect.objectContaining({ issues: [expect.objectContaining({ path: 'id' })] }) });
  });
});
