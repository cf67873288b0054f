import { describe, expect, it } from 'vitest';
import { quotedEn, quotedZh } from './quote.js';
import type { Evidence } from './types.js';

/** The quoting rule written plainly: the first three texts, each language's quote marks and list separator, then "等" / ", ...". */
function plainly(texts: string[]): { zh: string; en: string } {
  if (texts.length === 0) return { zh: '', en: '' };
  const first = texts.slice(0, 3);
  const more = texts.length > 3;
  return {
    zh: '：' + first.map((t) => `“${t}”`).join('、') + (more ? ' 等' : ''),
    en: ': ' + first.map((t) => `"${t}"`).join(', ') + (more ? ', ...' : ''),
  };
}

describe('quoted evidence', () => {
  it('quotes the first three spans in each language, and says when there are more', () => {
    // Chinese first and English first: the English marks are held in the form of the first text's string.
    for (const texts of [['太差了', 'not happy', '没人理', '！！！', 'x'], ['not happy', '太差了', 'x', '没人理', '!!!'], ['é', 'ü']]) {
      for (let n = 0; n <= texts.length; n++) {
        const spans: Evidence[] = texts.slice(0, n).map((text, i) => ({ text, start: i, end: i + 1, kind: 'negative' }));
        expect({ zh: quotedZh(spans), en: quotedEn(spans) }).toEqual(plainly(texts.slice(0, n)));
      }
    }
    expect([quotedZh(undefined), quotedEn(undefined)]).toEqual(['', '']);
    expect(quotedZh([{ text: '差', start: 0, end: 1, kind: 'negative' }])).toBe('：“差”');
  });
});
