import type { Bilingual, Evidence } from './types.js';

const MAX_QUOTED = 3;

/** The first few cue texts, quoted the way each language quotes: “太差了”、“没人理” / "terrible", "no one". */
export function quoteEvidence(evidence: readonly Evidence[] | undefined): Bilingual {
  if (evidence === undefined || evidence.length === 0) return { zh: '', en: '' };
  let zh = '';
  let en = '';
  const n = evidence.length < MAX_QUOTED ? evidence.length : MAX_QUOTED;
  for (let i = 0; i < n; i++) {
    const text = (evidence[i] as Evidence).text;
    zh += (i === 0 ? '：' : '、') + '“' + text + '”';
    en += (i === 0 ? ': ' : ', ') + '"' + text + '"';
  }
  if (evidence.length > MAX_QUOTED) {
    zh += ' 等';
    en += ', ...';
  }
  return { zh, en };
}

/** Numbers in reasons: at most two decimals, no trailing zeros, explicit sign where asked. */
export function formatNumber(x: number, signed = false): string {
  const r = Math.round(x * 100) / 100;
  const s = String(r === 0 ? 0 : r);
  return signed && r > 0 ? '+' + s : s;
}
