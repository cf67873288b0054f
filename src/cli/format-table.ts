import type { RiskResult, InputError } from '../index.js';
import { padEnd } from './display-width.js';
import { formatNumber } from './format-number.js';
import { terminalSafe } from './terminal-safe.js';

export type Lang = 'zh' | 'en';

const BAND_LABEL: Record<Lang, Record<RiskResult['band'], string>> = {
  zh: { low: '低', medium: '中', high: '高', critical: '紧急' },
  en: { low: 'low', medium: 'medium', high: 'HIGH', critical: 'CRITICAL' },
};

const HEAD: Record<Lang, [string, string, string, string]> = {
  zh: ['行', '风险等级', '概率', '主要因素（对数几率贡献）'],
  en: ['line', 'band', 'risk', 'top factors (log-odds contribution)'],
};

const WIDTHS = [6, 10, 8] as const;
/** The points column, shown when the model has a points scale. */
const POINTS: Record<Lang, string> = { zh: '分值', en: 'points' };
const POINTS_WIDTH = 8;

/** The line number and at least one blank, however many digits it has (line 1,000,001 must not run into its band). */
function lineCell(line: number): string {
  const s = String(line);
  return padEnd(s, Math.max(WIDTHS[0], s.length + 1));
}

export function tableHeader(lang: Lang, points = false): string {
  const [a, b, c, d] = HEAD[lang];
  const row = padEnd(a, WIDTHS[0]) + padEnd(b, WIDTHS[1]) + padEnd(c, WIDTHS[2]) + (points ? padEnd(POINTS[lang], POINTS_WIDTH) : '') + d;
  return row + '\n' + '-'.repeat(WIDTHS[0] + WIDTHS[1] + WIDTHS[2] + (points ? POINTS_WIDTH : 0) + 40) + '\n';
}

/** One interaction as a block of rows: its band and risk, then its top factors one per row. */
export function tableRows(line: number, result: RiskResult, lang: Lang, top: number): string {
  const lead =
    lineCell(line) +
    padEnd(BAND_LABEL[lang][result.band], WIDTHS[1]) +
    padEnd(`${(result.probability * 100).toFixed(1)}%`, WIDTHS[2]) +
    (result.points !== undefined ? padEnd(result.points.toFixed(0), POINTS_WIDTH) : '');
  const indent = ' '.repeat(WIDTHS[0] + WIDTHS[1] + WIDTHS[2] + (result.points !== undefined ? POINTS_WIDTH : 0));
  const factors = result.factors.slice(0, top);
  if (factors.length === 0) return lead + (lang === 'zh' ? '（与参照情形一致）' : '(same as the reference interaction)') + '\n';
  return factors
    .map((f, i) => (i === 0 ? lead : indent) + `${terminalSafe(f.reason[lang])} (${formatNumber(f.contribution, true)}${f.points !== undefined ? `, ${pointsText(f.points, lang)}` : ''})`)
    .join('\n')
    .concat('\n');
}

/** A factor's points as the table and explain show them: whole points with a sign, "−137 pts" / "−137 分". */
export function pointsText(points: number, lang: Lang): string {
  const rounded = Math.round(points);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded)} ${lang === 'zh' ? '分' : 'pts'}`;
}

export function tableError(line: number, error: InputError, lang: Lang): string {
  return lineCell(line) + padEnd(lang === 'zh' ? '错误' : 'error', WIDTHS[1] + WIDTHS[2]) + terminalSafe(error.message) + '\n';
}
