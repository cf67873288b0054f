import { readEvalSets } from './eval/read-data.js';
import { rocAuc } from './eval/roc-auc.js';
import { fit } from '../src/calibrate.js';
import { createScorer } from '../src/index.js';
const sets = readEvalSets('/work/shared/data');
for (const set of sets) {
  if (!set.name.includes(process.argv[2] ?? 'Complaint')) continue;
  const rows = set.rows;
  const k = 5; const scores = new Array(rows.length);
  const t0 = Date.now();
  for (let f = 0; f < k; f++) {
    const train = rows.filter((_, i) => i % k !== f).map((r) => ({ channel: 'social', text: r.text, label: r.negative }));
    const { model, report } = fit(train, process.env.MINDOCS ? { terms: { minDocuments: Number(process.env.MINDOCS) } } : {});
    if (f === 0) console.log(report.terms && { learned: report.terms.learned, cand: report.terms.candidates, l2: report.terms.l2, cv: report.terms.crossValidation, top: report.terms.towardComplaint.slice(0, 10).map(t => t.term), bottom: report.terms.towardNoComplaint.slice(0,10).map(t=>t.term) }, report.warnings);
    const s = createScorer(model);
    rows.forEach((r, i) => { if (i % k === f) scores[i] = s.score({ channel: 'social', text: r.text }).probability; });
  }
  console.log(set.name, 'CV AUC', rocAuc(scores, rows.map((r) => r.negative)).toFixed(4), (Date.now() - t0) + 'ms');
}
