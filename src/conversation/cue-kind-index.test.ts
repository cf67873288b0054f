import { describe, expect, it } from 'vitest';
import { kindIndex } from './cue-kind-index.js';
import { CUE_KINDS } from '../text/cue-kinds.js';

describe('kindIndex', () => {
  it('is each cue kind\'s place in CUE_KINDS, and -1 for any other string', () => {
    expect(CUE_KINDS.map((kind) => kindIndex(kind))).toEqual(CUE_KINDS.map((_, i) => i));
    for (const other of ['', 'Negative', 'negative ', 'terms', 'toString', '__proto__', 'problem']) expect(kindIndex(other)).toBe(-1);
  });
});
