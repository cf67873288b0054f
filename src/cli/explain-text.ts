import { logit, type RiskResult } from '../index.js';
import { terminalSafe } from './terminal-safe.js';
import { formatNumber } from './format-number.js';
import { pointsText, type Lang } from './format-table.js';

const WORDS = {
  zh: { risk: '投诉风险', ref: '参照情形', model: '模型', odds: '对数几率', words: '依据', points: '评分卡分值' },
  en: { risk: 'Complaint risk', ref: 'reference', model: 'model', odds: 'log-odds', words: 'words', points: 'scorecard points' },
} as const;

const BANDS = {
  zh: { low: '低', medium: '中', high: '高', critical: '紧急' },
  en: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
} as const;

/**
 * A readable explanation: headline, then each factor with its contribution
 * (and points, with a points scale) and evidence. Every string from the
 * input or the model is shown terminal-safe.
 */
export function explainText(result: RiskResult, lang: Lang): string {
  const w = WORDS[lang];
  const pct = (p: number): string => `${(p * 100).toFixed(1)}%`;
  const lines = [
    `${w.risk}: ${pct(result.probability)} (${BANDS[lang][result.band]}) — ${w.ref} ${pct(result.reference.probability)}, ${w.model} ${terminalSafe(result.modelId)}`,
    `${w.odds}: ${formatNumber(logit(result.reference.probability))} → ${formatNumber(logit(result.probability))}`,
  ];
  if (result.points !== undefined && result.reference.points !== undefined)
    lines.push(`${w.points}: ${Math.round(result.reference.points)} → ${Math.round(result.points)}`);
  const points = result.points !== undefined;
  for (const factor of result.factors) {
    const score = points && factor.points !== undefined ? `  ${pointsText(factor.points, lang).padStart(9)}` : '';
    lines.push(`  ${formatNumber(factor.contribution, true).padStart(6)}${score}  ${terminalSafe(factor.reason[lang])}`);
    if (factor.evidence !== undefined) {
      const quoted = factor.evidence.map((e) => `${terminalSafe(e.text)} [${e.start}-${e.end} ${e.kind}]`).join(', ');
      lines.push(`          ${w.words}: ${quoted}`);
    }
  }
  return lines.join('\n') + '\n';
}
