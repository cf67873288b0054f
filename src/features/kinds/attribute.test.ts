import { describe, expect, it } from 'vitest';
import { attributeKind, attributeSpecSchema } from './attribute.js';
import { columnsOf, contextFor } from '../../../test/support/feature-context.js';

const tier = attributeSpecSchema.parse({ id: 'tier', kind: 'attribute', name: 'tier', type: 'category', levels: ['gold', 'silver'] });
const balance = attributeSpecSchema.parse({ id: 'balance', kind: 'attribute', name: 'balance', type: 'number', transform: 'log1p', cap: 10 });

describe('attribute kind', () => {
  it('a category is one-hot over its levels; a wrong type or missing key is absent', () => {
    const f = attributeKind.compile(tier);
    expect(attributeKind.columns(tier)).toEqual(['tier.gold', 'tier.silver']);
    expect(columnsOf(f, 2, { channel: 'app', attributes: { tier: 'silver' } }).columns).toEqual([0, 1]);
    expect(columnsOf(f, 2, { channel: 'app', attributes: { tier: 'bronze' } }).columns).toEqual([0, 0]);
    expect(columnsOf(f, 2, { channel: 'app', attributes: { tier: 3 } }).columns.every(Number.isNaN)).toBe(true);
    expect(columnsOf(f, 2, { channel: 'app' }).columns.every(Number.isNaN)).toBe(true);
  });

  it('a number can be log-scaled and capped', () => {
    const f = attributeKind.compile(balance);
    expect(columnsOf(f, 1, { channel: 'app', attributes: { balance: Math.E - 1 } }).columns[0]).toBeCloseTo(1, 12);
    expect(columnsOf(f, 1, { channel: 'app', attributes: { balance: 1e12 } }).columns).toEqual([10]);
  });

  it('a category without levels takes them from the data: all but the most frequent (the reference)', () => {
    const open = attributeSpecSchema.parse({ id: 'tier', kind: 'attribute', name: 'tier', type: 'category' });
    const rows = ['gold', 'silver', 'silver', 'bronze', 'silver'].map((t) => contextFor({ channel: 'app', attributes: { tier: t } }).interaction);
    expect(attributeKind.completeFromData?.(open, rows).levels).toEqual(['bronze', 'gold']);
    expect(() => attributeKind.completeFromData?.(open, rows.slice(1, 3))).toThrow(/a single value/);
  });

  it('refuses names that reach the prototype', () => {
    expect(attributeSpecSchema.safeParse({ ...balance, name: '__proto__' }).success).toBe(false);
  });
});
