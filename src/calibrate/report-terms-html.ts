import type { FitReport } from './fit-report.js';
import { escapeHtml } from './svg-charts.js';

/**
 * The learned vocabulary in the HTML report: how it was chosen and the
 * strongest terms each way, so a reviewer can see which words of the team's
 * own history the model now reads (and strike one before shipping).
 */
export function termsSection(fit: FitReport, num: (x: number) => string): string[] {
  const t = fit.terms;
  if (t === undefined) return [];
  const parts = [`<h2>Learned terms · 学习到的用语</h2>`];
  if (t.learned === 0) {
    parts.push(`<p>No term occurs in ${t.minDocuments} or more training records, so none was learned.</p>`);
    return parts;
  }
  const how = t.l2ChosenBy === 'cross-validation' ? `chosen by 3-fold cross-validation` : `as given`;
  parts.push(
    `<p>${t.learned.toLocaleString('en')} terms (of ${t.candidates.toLocaleString('en')} candidates occurring in at least ${t.minDocuments} distinct records; at most ${t.maxTerms.toLocaleString('en')} kept), fitted jointly with the signals above; L2 on the term weights ${t.l2 === undefined ? '—' : num(t.l2)}, ${how}. The <code>terms</code> column adds the weights of the distinct terms a text holds.</p>`,
  );
  const table = (title: string, rows: readonly { term: string; weight: number; documents: number }[]): void => {
    if (rows.length === 0) return;
    parts.push(`<h3>${title}</h3><table><thead><tr><th>term</th><th>weight</th><th>records</th></tr></thead><tbody>`);
    for (const r of rows) parts.push(`<tr><td>${escapeHtml(r.term)}</td><td>${num(r.weight)}</td><td>${r.documents.toLocaleString('en')}</td></tr>`);
    parts.push('</tbody></table>');
  };
  table('Toward a complaint · 与投诉相关', t.towardComplaint);
  table('Toward no complaint · 与未投诉相关', t.towardNoComplaint);
  return parts;
}
