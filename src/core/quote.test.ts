import { describe, expect, it } from 'vitest';
import { EN_OPEN, ZH_OPEN, leadQuotedEn, leadQuotedZh } from './quote.js';
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
  it('quotes the first three spans after the lead in each language, and says when there are more', () => {
    // Chinese first and English first, after a long lead and a short one (the joins make cons strings or copies).
    for (const lead of [{ zh: '客户用语负面（情绪 -0.96）', en: "Customer's words are negative (sentiment -0.96)" }, { zh: '差', en: 'x' }]) {
      for (const texts of [['太差了', 'not happy', '没人理', '！！！', 'x'], ['not happy', '太差了', 'x', '没人理', '!!!'], ['é', 'ü']]) {
        for (let n = 0; n <= texts.length; n++) {
          const spans: Evidence[] = texts.slice(0, n).map((text, i) => ({ text, start: i, end: i + 1, kind: 'negative' }));
          const quoted = plainly(texts.slice(0, n));
          expect({ zh: leadQuotedZh(lead.zh, lead.zh + ZH_OPEN, spans), en: leadQuotedEn(lead.en, lead.en + EN_OPEN, spans) }).toEqual({
            zh: lead.zh + quoted.zh,
            en: lead.en + quoted.en,
          });
        }
      }
    }
    expect([leadQuotedZh('a', 'a' + ZH_OPEN, undefined), leadQuotedEn('b', 'b' + EN_OPEN, undefined)]).toEqual(['a', 'b']);
    expect(leadQuotedZh('', ZH_OPEN, [{ text: '差', start: 0, end: 1, kind: 'negative' }])).toBe('：“差”');
  });
});
