import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packNumbers, unpackNumbers, unzigzag, zigzag } from './packed-numbers.js';
import { CHAR_HAN, CLASS, FOLD } from './char-fold.js';

describe('packed numbers (the generated tables)', () => {
  it('unpack to the numbers packed, in order, whatever their size', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(40), fc.nat(), fc.maxSafeNat())), (values) => {
        expect(unpackNumbers(packNumbers(values))).toEqual(values);
      }),
    );
    expect(packNumbers([0, 31, 32, 1024])).toBe(']|$]$#]');
  });

  it('are printable ASCII that needs no escape in JSON or JavaScript', () => {
    const packed = packNumbers(Array.from({ length: 2000 }, (_, i) => i * 977));
    expect(packed).toMatch(/^[\x23-\x42\x5d-\x7c]*$/);
    expect(JSON.stringify(packed)).toBe(`"${packed}"`);
  });

  it('refuse what is not a whole number ≥ 0; signed steps go through zigzag', () => {
    for (const bad of [-1, 1.5, NaN, Infinity]) expect(() => packNumbers([bad])).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (n) => {
        expect(unzigzag(zigzag(n))).toBe(n);
      }),
    );
    expect([0, -1, 1, -2, 2].map(zigzag)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('the fold table built from the packed Traditional map', () => {
  it('folds Traditional characters to Simplified, through chains (麼 → 么 → 幺)', () => {
    const fold = (s: string): string => String.fromCharCode(...Array.from(s, (c) => FOLD[c.charCodeAt(0)] as number));
    expect(fold('們說這個電話號碼還沒開通')).toBe('们说这个电话号码还没开通');
    expect(fold('麼')).toBe(fold('么'));
    expect(fold('简体字')).toBe('简体字');
  });

  it('leaves every character no rule names as it is (the table starts as 0 … 0xffff)', () => {
    let moved = 0;
    for (let c = 0; c < 0x10000; c++) if (FOLD[c] !== c) moved++;
    // ~3,430 Traditional characters, 26 + 30 upper-case letters, 94 full-width forms, blanks, quotes and marks.
    expect(moved).toBeGreaterThan(3500);
    expect(moved).toBeLessThan(3700);
    for (const c of [0, 1, 0x62, 0x7fff, 0x8000, 0x4e00, 0xfffe]) expect(FOLD[c]).toBe(c);
  });

  it('is idempotent: a folded character folds to itself, so a term stored folded matches however it was spelled', () => {
    for (let c = 0; c < 0x10000; c++) expect(FOLD[FOLD[c] as number], `U+${c.toString(16)}`).toBe(FOLD[c]);
  });

  it('folds some 3,400 Traditional Han characters, each to a Han character', () => {
    let folded = 0;
    for (let c = 0; c < 0x10000; c++) {
      if (CLASS[c] !== CHAR_HAN || FOLD[c] === c) continue;
      folded++;
      expect(CLASS[FOLD[c] as number], `U+${c.toString(16)}`).toBe(CHAR_HAN);
    }
    expect(folded).toBeGreaterThan(3000);
  });
});
