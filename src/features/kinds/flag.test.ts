import { describe, expect, it } from 'vitest';
import { flagKind, flagSpecSchema } from './flag.js';
import { columnsOf } from '../../../test/support/feature-context.js';

const spec = flagSpecSchema.parse({ id: 'unresolved', kind: 'flag', signal: 'unresolved' });
const flag = flagKind.compile(spec);

describe('flag kind', () => {
  it('is 1 when set, 0 when cleared, NaN when not given', () => {
    expect(columnsOf(flag, 1, { channel: 'phone', unresolved: true }).columns).toEqual([1]);
    expect(columnsOf(flag, 1, { channel: 'phone', unresolved: false }).columns).toEqual([0]);
    expect(columnsOf(flag, 1, { channel: 'phone' }).columns[0]).toBeNaN();
  });

  it('says whether the issue is still open', () => {
    const open = columnsOf(flag, 1, { channel: 'phone', unresolved: true });
    expect(flag.reason(open.value as boolean, open.ctx, undefined)).toEqual({ zh: '问题仍未解决', en: 'The issue is still unresolved' });
  });

  it('knows only its signals', () => {
    expect(flagSpecSchema.safeParse({ ...spec, signal: 'vip' }).success).toBe(false);
  });
});
