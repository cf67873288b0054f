import type { Model } from '../model/model-schema.js';
import { compilePoints, pointsAtLogOdds, pointsOfContribution } from '../core/scorecard-points.js';
import { logit } from '../core/logistic.js';
import { escapeHtml } from './svg-charts.js';

/**
 * The model's scorecard scale in the HTML report, for risk teams that read
 * points: the scale, the reference interaction's points, each band's cut-off
 * in points, and the points each column's unit adds (the scorecard table).
 */
export function pointsSection(model: Model, num: (x: number, digits?: number) => string): string[] {
  const scale = model.points;
  if (scale === undefined) return [];
  const points = compilePoints(scale);
  const referenceLogOdds = Object.entries(model.reference.values).reduce((sum, [column, value]) => sum + (model.weights[column] ?? 0) * value, model.intercept);
  const at = (probability: number): string => num(pointsAtLogOdds(points, logit(probability)), 0);
  const parts = [`<h2>Scorecard points · 评分卡分值</h2>`];
  parts.push(
    `<p>${num(scale.base, 0)} points at odds ${num(scale.odds, 2)}:1 against a complaint (a ${num(100 / (1 + scale.odds), 2)}% risk); every ${num(scale.pdo, 1)} points double those odds. Fewer points mean more risk. The reference interaction scores ${num(pointsAtLogOdds(points, referenceLogOdds), 1)} points; each factor's points add up to a result's points minus the reference's.</p>`,
  );
  parts.push('<table><thead><tr><th>band</th><th>risk at or above</th><th>points at or below</th></tr></thead><tbody>');
  for (const band of ['medium', 'high', 'critical'] as const)
    parts.push(`<tr><td>${band}</td><td>${(model.bands[band] * 100).toFixed(1)}%</td><td>${at(model.bands[band])}</td></tr>`);
  parts.push('</tbody></table>');
  parts.push('<table><thead><tr><th>column</th><th>log-odds per unit</th><th>points per unit</th></tr></thead><tbody>');
  for (const [column, weight] of Object.entries(model.weights))
    parts.push(`<tr><td>${escapeHtml(column)}</td><td>${num(weight)}</td><td>${num(pointsOfContribution(points, weight), 2)}</td></tr>`);
  parts.push('</tbody></table>');
  return parts;
}
