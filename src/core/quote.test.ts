import { describe, expect, it } from 'vitest';
import { EN_QUOTES, ZH_QUOTES, leadQuoted } from './quote.js';
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
          expect({ zh: leadQuoted(lead.zh, lead.zh + ZH_QUOTES.open, spans, ZH_QUOTES), en: leadQuoted(lead.en, lead.en + EN_QUOTES.open, spans, EN_QUOTES) }).toEqual({
            zh: lead.zh + quoted.zh,
            en: lead.en + quoted.en,
          });
        }
      }
    }
    expect([leadQuoted('a', 'a' + ZH_QUOTES.open, undefined, ZH_QUOTES), leadQuoted('b', 'b' + EN_QUOTES.open, undefined, EN_QUOTES)]).toEqual(['a', 'b']);
    expect(leadQuoted('', ZH_QUOTES.open, [{ text: '差', start: 0, end: 1, kind: 'negative' }], ZH_QUOTES)).toBe('：“差”');
  });
});
