import type { Model } from '../model/model-schema.js';
import type { FitReport } from './fit-report.js';
import type { EvaluationReport } from './evaluate.js';
import type { CrossValidationReport } from './cross-validate.js';
import type { Confusion } from './metrics/ranking.js';
import type { DriftReport } from './drift.js';
import { distributionChart, escapeHtml, reliabilityChart, rocChart, weightsChart } from './svg-charts.js';
import { termsSection } from './report-terms-html.js';
import { pointsSection } from './report-points-html.js';

export interface ReportInput {
  title?: string;
  model: Model;
  /** What the evaluation was computed on, in words ("training rows, in-sample", "5-fold cross-validation"). */
  evaluationLabel?: string;
  evaluation: EvaluationReport;
  fit?: FitReport;
  crossValidation?: CrossValidationReport;
  /** Rows of the threshold table (confusion counts at candidate cut-offs). */
  thresholds?: Confusion[];
  drift?: DriftReport;
  /** ISO time shown in the footer; the report never reads the clock itself. */
  generatedAt?: string;
}

const pct = (v: number, digits = 1): string => `${(v * 100).toFixed(digits)}%`;
const num = (v: number, digits = 3): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');
/** Counts with thousands separators: 1,234,567 reads at a glance, 1234567 does not. */
const count = (v: number): string => v.toLocaleString('en');

/**
 * One self-contained HTML file a data team can hand to a manager: inline
 * CSS and SVG only, no scripts, no external fonts, images or links.
 */
export function renderReport(input: ReportInput): string {
  const { model, evaluation: e, fit, crossValidation: cv } = input;
  const title = input.title ?? `Complaint-risk model report · 投诉预识别模型报告 — ${model.id}`;
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(title)}</h1>`);
  parts.push(
    `<p class="lead">Model <b>${escapeHtml(model.id)}</b>. ${escapeHtml(input.evaluationLabel ?? 'Evaluated on the given records')}: ${e.rows.toLocaleString('en')} contacts, ${e.complaints.toLocaleString('en')} complaints (${pct(e.prevalence, 2)}).</p>`,
  );
  parts.push(`<p class="basis">Headline figures below: <b>${escapeHtml(input.evaluationLabel ?? 'the given records')}</b>, all contacts pooled.</p>`);
  parts.push('<div class="cards">');
  const card = (label: string, value: string, note: string): void => {
    parts.push(`<div class="card"><div class="v">${value}</div><div class="l">${label}</div><div class="n">${note}</div></div>`);
  };
  card('ROC AUC', num(e.auc), `95% CI ${num(e.aucInterval.lower)}–${num(e.aucInterval.upper)} (DeLong)`);
  card('PR AUC', num(e.prAuc), `random model: ${num(e.prevalence)}`);
  card('ECE 校准误差', pct(e.ece, 2), `mean predicted ${pct(e.meanPredicted, 2)} vs observed ${pct(e.prevalence, 2)}`);
  card('Brier', num(e.brier, 4), `log loss ${num(e.logLoss, 4)}`);
  const top = e.lift.find((l) => l.fraction === 0.1) ?? e.lift[e.lift.length - 1];
  if (top !== undefined) card('Top 10% 高风险', `${pct(top.gain, 0)} caught`, `lift ×${num(top.lift, 1)}, precision ${pct(top.precision)}`);
  parts.push('</div>');
  if (cv !== undefined)
    parts.push(
      `<p>Per fold, ${cv.folds.length}-fold cross-validation (each fold's contacts scored by a model that never saw them, each fold's figures computed on its own ${Math.round(e.rows / cv.folds.length).toLocaleString('en')} or so contacts, then the mean ± SD over folds): AUC ${num(cv.mean.auc)} ± ${num(cv.sd.auc)}, ECE ${pct(cv.mean.ece, 2)} ± ${pct(cv.sd.ece, 2)}, Brier ${num(cv.mean.brier, 4)}. The per-fold ECE is larger than the pooled headline figure: each fold has fewer contacts per reliability bin, so more noise.</p>`,
    );

  parts.push('<div class="charts">');
  parts.push(figure('ROC curve · ROC 曲线', rocChart(e.roc, e.auc), 'How many complaints are caught (up) for how many false alarms (right). The dashed line is a coin toss.'));
  parts.push(figure('Reliability · 校准图', reliabilityChart(e.reliability), 'Each dot is a band of predicted risk; on the dashed line a predicted 20% means 20% complained. Dot size: contacts in the band.'));
  parts.push(figure('Score distribution · 分数分布', distributionChart(e.distribution), 'Predicted risk of contacts that led to a complaint (red) and of those that did not (grey), each as a share of its own class.'));
  parts.push('</div>');

  if (fit !== undefined) {
    const rows = fit.weights.map((w) => ({
      label: w.column,
      estimate: w.fitted ? w.standardized : 0,
      lower: w.fitted ? w.lower * w.sd : 0,
      upper: w.fitted ? w.upper * w.sd : 0,
      fitted: w.fitted,
      prior: w.prior,
    }));
    parts.push(`<h2>Weights · 权重</h2>`);
    parts.push(
      `<p>Log-odds per standard deviation of each column, with 95% intervals (red raises risk, green lowers it). A hollow diamond marks a column not fitted here (constant in these data): the model keeps its prior weight, drawn at that prior (log-odds per unit). Fitted on ${fit.rows.toLocaleString('en')} rows, L2 = ${fit.l2}, ${fit.iterations} Newton iterations, ${fit.converged ? 'converged' : '<b>not converged</b>'} (largest gradient ${fit.gradientNorm.toExponential(1)}), McFadden pseudo-R² ${num(fit.pseudoR2)}; ${fit.standardErrors === 'robust' ? 'robust (sandwich)' : 'inverse-Hessian'} standard errors.</p>`,
    );
    parts.push(`<figure>${weightsChart(rows)}</figure>`);
    parts.push('<table><thead><tr><th>column</th><th>weight</th><th>95% interval</th><th>per SD</th><th>prior</th><th>mean</th></tr></thead><tbody>');
    for (const w of fit.weights)
      parts.push(
        `<tr${w.fitted ? '' : ' class="muted"'}><td>${escapeHtml(w.column)}</td><td>${num(w.estimate)}</td><td>${w.fitted ? `${num(w.lower)} … ${num(w.upper)}` : 'not fitted'}</td><td>${num(w.standardized)}</td><td>${w.prior === undefined ? '—' : num(w.prior)}</td><td>${num(w.mean)}</td></tr>`,
      );
    if (fit.terms !== undefined && fit.terms.learned > 0)
      for (const column of Object.keys(model.weights).filter((c) => model.features.some((f) => f.kind === 'terms' && f.id === c)))
        parts.push(`<tr><td>${escapeHtml(column)}</td><td>${num(model.weights[column] as number)}</td><td>learned terms, below</td><td></td><td>—</td><td></td></tr>`);
    parts.push(`<tr><td>intercept</td><td>${num(fit.intercept.estimate)}</td><td>${num(fit.intercept.lower)} … ${num(fit.intercept.upper)}</td><td></td><td></td><td></td></tr>`);
    parts.push('</tbody></table>');
    parts.push(...termsSection(fit, (x) => num(x)));
    for (const w of fit.warnings) parts.push(`<p class="warn">⚠ ${escapeHtml(w)}</p>`);
  }

  parts.push(`<h2>Thresholds · 阈值</h2>`);
  parts.push(
    `<p>Bands of this model: medium ≥ ${pct(model.bands.medium)}, high ≥ ${pct(model.bands.high)}, critical ≥ ${pct(model.bands.critical)}. A contact is flagged when its risk is at or above the threshold.</p>`,
  );
  const chosen = model.metadata?.thresholds;
  if (chosen !== undefined && chosen !== null && typeof chosen === 'object' && !Array.isArray(chosen)) {
    const items = (['medium', 'high', 'critical'] as const)
      .filter((band) => typeof (chosen as Record<string, unknown>)[band] === 'string')
      .map((band) => `<li><b>${band}</b> ≥ ${pct(model.bands[band])}: ${escapeHtml(String((chosen as Record<string, unknown>)[band]))}</li>`);
    if (items.length > 0) parts.push(`<p>Cut-offs chosen for this team · 阈值依据:</p><ul>${items.join('')}</ul>`);
  }
  const thresholdRows = input.thresholds ?? [];
  if (thresholdRows.length > 0) {
    parts.push('<table><thead><tr><th>threshold</th><th>flagged</th><th>complaints caught (recall)</th><th>precision</th><th>true +</th><th>false +</th><th>missed</th></tr></thead><tbody>');
    for (const t of thresholdRows)
      parts.push(
        `<tr><td>${pct(t.threshold)}</td><td>${pct(t.flaggedRate)}</td><td>${pct(t.recall)}</td><td>${pct(t.precision)}</td><td>${count(t.truePositives)}</td><td>${count(t.falsePositives)}</td><td>${count(t.falseNegatives)}</td></tr>`,
      );
    parts.push('</tbody></table>');
  }
  parts.push('<table><thead><tr><th>band</th><th>contacts</th><th>complaints</th><th>complaint rate</th></tr></thead><tbody>');
  for (const b of e.bands) parts.push(`<tr><td>${b.band}</td><td>${count(b.rows)}</td><td>${count(b.complaints)}</td><td>${pct(b.rate)}</td></tr>`);
  parts.push('</tbody></table>');
  // A higher band should hold a higher complaint rate; when it does not, the cut-offs order nothing.
  const filled = e.bands.filter((b) => b.rows > 0);
  for (let i = 1; i < filled.length; i++) {
    const [below, band] = [filled[i - 1], filled[i]] as [(typeof filled)[number], (typeof filled)[number]];
    if (band.rate < below.rate)
      parts.push(`<p class="warn">⚠ Band <b>${band.band}</b> has a lower complaint rate (${pct(band.rate)}) than <b>${below.band}</b> below it (${pct(below.rate)}): on these contacts its cut-off does not separate higher risk; check the cut-offs or the data.</p>`);
  }
  parts.push('<table><thead><tr><th>riskiest</th><th>contacts</th><th>complaints</th><th>precision</th><th>lift</th><th>share of all complaints</th></tr></thead><tbody>');
  for (const l of e.lift) parts.push(`<tr><td>${pct(l.fraction, 0)}</td><td>${count(l.rows)}</td><td>${count(l.complaints)}</td><td>${pct(l.precision)}</td><td>×${num(l.lift, 2)}</td><td>${pct(l.gain)}</td></tr>`);
  parts.push('</tbody></table>');

  parts.push(...pointsSection(model, num));
  if (input.drift !== undefined) {
    const d = input.drift;
    parts.push(`<h2>Drift · 数据漂移 (PSI)</h2><p>Score PSI ${num(d.score.psi)}: <b>${d.score.verdict}</b> (below 0.10 stable, 0.10–0.25 moderate, 0.25+ major).</p>`);
    parts.push('<table><thead><tr><th>column</th><th>PSI</th><th>verdict</th></tr></thead><tbody>');
    for (const c of d.columns) parts.push(`<tr><td>${escapeHtml(c.column)}</td><td>${num(c.psi)}</td><td>${c.verdict}</td></tr>`);
    parts.push('</tbody></table>');
  }
  parts.push(`<footer>complaint-risk/calibrate${input.generatedAt !== undefined ? ` · ${escapeHtml(input.generatedAt)}` : ''}</footer>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style></head>
<body>${parts.join('\n')}</body></html>
`;
}

function figure(caption: string, svg: string, note: string): string {
  return `<figure><figcaption>${escapeHtml(caption)}</figcaption>${svg}<p class="note">${escapeHtml(note)}</p></figure>`;
}

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif;max-width:1180px;margin:24px auto;padding:0 16px;color:#222}
h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}
.lead{color:#444}.basis{font-size:13px;color:#333;margin:8px 0 0}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:150px}.card .v{font-size:22px;font-weight:600}.card .l{font-size:12px;color:#555}.card .n{font-size:11px;color:#777}
.charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}.note{font-size:11px;color:#666;max-width:360px}
table{border-collapse:collapse;margin:10px 0;font-size:12px}th,td{border:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}
tr.muted td{color:#999}.warn{color:#a15c00}footer{margin-top:32px;font-size:11px;color:#888}`;
