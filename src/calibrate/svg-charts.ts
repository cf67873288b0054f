/**
 * Small inline-SVG charts for the HTML report: no scripts, no fonts or
 * styles fetched, so the file opens anywhere, offline, and prints.
 */
const W = 360;
const H = 300;
const PAD = { left: 48, right: 14, top: 14, bottom: 40 };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '0';
}

interface Frame {
  x(v: number): number;
  y(v: number): number;
  svg: string[];
}

function frame(xLabel: string, yLabel: string, xTicks: [number, string][], yTicks: [number, string][], xRange: [number, number], yRange: [number, number], title: string): Frame {
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const x = (v: number): number => PAD.left + ((v - xRange[0]) / (xRange[1] - xRange[0])) * iw;
  const y = (v: number): number => PAD.top + ih - ((v - yRange[0]) / (yRange[1] - yRange[0])) * ih;
  const svg = [
    `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">`,
    `<rect x="${PAD.left}" y="${PAD.top}" width="${iw}" height="${ih}" fill="#fafafa" stroke="#bbb"/>`,
  ];
  for (const [v, label] of xTicks)
    svg.push(`<line x1="${fmt(x(v))}" y1="${PAD.top + ih}" x2="${fmt(x(v))}" y2="${PAD.top + ih + 4}" stroke="#666"/><text x="${fmt(x(v))}" y="${PAD.top + ih + 16}" font-size="10" text-anchor="middle">${escapeHtml(label)}</text>`);
  for (const [v, label] of yTicks)
    svg.push(`<line x1="${PAD.left - 4}" y1="${fmt(y(v))}" x2="${PAD.left}" y2="${fmt(y(v))}" stroke="#666"/><text x="${PAD.left - 6}" y="${fmt(y(v) + 3)}" font-size="10" text-anchor="end">${escapeHtml(label)}</text>`);
  svg.push(`<text x="${PAD.left + iw / 2}" y="${H - 6}" font-size="11" text-anchor="middle">${escapeHtml(xLabel)}</text>`);
  svg.push(`<text x="12" y="${PAD.top + ih / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${PAD.top + ih / 2})">${escapeHtml(yLabel)}</text>`);
  return { x, y, svg };
}

const UNIT_TICKS: [number, string][] = [0, 0.25, 0.5, 0.75, 1].map((v) => [v, String(v)]);

export function rocChart(points: readonly { fpr: number; tpr: number }[], auc: number): string {
  const f = frame('false-positive rate 误报率', 'true-positive rate 召回率', UNIT_TICKS, UNIT_TICKS, [0, 1], [0, 1], 'ROC curve');
  f.svg.push(`<line x1="${f.x(0)}" y1="${f.y(0)}" x2="${f.x(1)}" y2="${f.y(1)}" stroke="#aaa" stroke-dasharray="4 3"/>`);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(f.x(p.fpr))} ${fmt(f.y(p.tpr))}`).join(' ');
  f.svg.push(`<path d="${path}" fill="none" stroke="#c0392b" stroke-width="2"/>`);
  f.svg.push(`<text x="${f.x(0.55)}" y="${f.y(0.1)}" font-size="12">AUC ${auc.toFixed(3)}</text>`);
  return f.svg.join('') + '</svg>';
}

export function reliabilityChart(bins: readonly { predicted: number; observed: number; count: number }[]): string {
  const top = Math.min(1, Math.max(0.05, ...bins.flatMap((b) => [b.predicted, b.observed])) * 1.1);
  const ticks: [number, string][] = [0, 0.25, 0.5, 0.75, 1].map((t) => [t * top, `${Math.round(t * top * 100)}%`]);
  const f = frame('predicted probability 预测概率', 'observed complaint rate 实际投诉率', ticks, ticks, [0, top], [0, top], 'Reliability diagram');
  f.svg.push(`<line x1="${f.x(0)}" y1="${f.y(0)}" x2="${f.x(top)}" y2="${f.y(top)}" stroke="#aaa" stroke-dasharray="4 3"/>`);
  const total = bins.reduce((s, b) => s + b.count, 0);
  const path = bins.map((b, i) => `${i === 0 ? 'M' : 'L'}${fmt(f.x(b.predicted))} ${fmt(f.y(b.observed))}`).join(' ');
  f.svg.push(`<path d="${path}" fill="none" stroke="#2c3e50" stroke-width="1.5"/>`);
  for (const b of bins) {
    const r = 2.5 + 8 * Math.sqrt(b.count / total);
    f.svg.push(`<circle cx="${fmt(f.x(b.predicted))}" cy="${fmt(f.y(b.observed))}" r="${fmt(r)}" fill="#2980b9" fill-opacity="0.6"><title>${b.count} rows: predicted ${(b.predicted * 100).toFixed(1)}%, observed ${(b.observed * 100).toFixed(1)}%</title></circle>`);
  }
  return f.svg.join('') + '</svg>';
}

/** Both classes as shares of their own class, so a rare class stays visible. */
export function distributionChart(d: { edges: readonly number[]; complaints: readonly number[]; others: readonly number[] }): string {
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) || 1;
  const pc = d.complaints.map((c) => c / sum(d.complaints));
  const po = d.others.map((c) => c / sum(d.others));
  const top = Math.max(0.05, ...pc, ...po) * 1.1;
  const lo = d.edges[0] as number;
  const hi = d.edges[d.edges.length - 1] as number;
  const probTicks: [number, string][] = [0.001, 0.01, 0.05, 0.2, 0.5, 0.9].map((p) => [Math.log(p / (1 - p)), `${p * 100}%`]);
  const yTicks: [number, string][] = [0, 0.5, 1].map((t) => [t * top, `${Math.round(t * top * 100)}%`]);
  const f = frame('predicted probability (log-odds scale) 预测概率', 'share of class 占本类比例', probTicks, yTicks, [lo, hi], [0, top], 'Score distribution per class');
  const bars = (shares: number[], color: string, offset: number): void => {
    shares.forEach((s, b) => {
      const x0 = f.x(d.edges[b] as number);
      const x1 = f.x(d.edges[b + 1] as number);
      const w = (x1 - x0) / 2 - 0.5;
      f.svg.push(`<rect x="${fmt(x0 + offset * (w + 0.5))}" y="${fmt(f.y(s))}" width="${fmt(w)}" height="${fmt(f.y(0) - f.y(s))}" fill="${color}"/>`);
    });
  };
  bars(po, '#95a5a6', 0);
  bars(pc, '#c0392b', 1);
  f.svg.push(`<rect x="${f.x(lo) + 8}" y="${PAD.top + 8}" width="10" height="10" fill="#c0392b"/><text x="${f.x(lo) + 22}" y="${PAD.top + 17}" font-size="10">complaints 投诉</text>`);
  f.svg.push(`<rect x="${f.x(lo) + 8}" y="${PAD.top + 22}" width="10" height="10" fill="#95a5a6"/><text x="${f.x(lo) + 22}" y="${PAD.top + 31}" font-size="10">no complaint 未投诉</text>`);
  return f.svg.join('') + '</svg>';
}

/** A forest plot: each weight (standardised: log-odds per SD) with its 95 % interval. */
export function weightsChart(rows: readonly { label: string; estimate: number; lower: number; upper: number; fitted: boolean }[]): string {
  const rowH = 18;
  const left = 150;
  const width = 560;
  const height = 30 + rows.length * rowH + 30;
  const values = rows.flatMap((r) => (r.fitted ? [r.lower, r.upper] : [r.estimate]));
  const lo = Math.min(-0.5, ...values);
  const hi = Math.max(0.5, ...values);
  const x = (v: number): number => left + ((v - lo) / (hi - lo)) * (width - left - 20);
  const svg = [`<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Weights with 95% intervals">`];
  svg.push(`<line x1="${fmt(x(0))}" y1="20" x2="${fmt(x(0))}" y2="${height - 28}" stroke="#999"/>`);
  rows.forEach((r, i) => {
    const y = 30 + i * rowH;
    svg.push(`<text x="${left - 8}" y="${y + 4}" font-size="11" text-anchor="end">${escapeHtml(r.label)}</text>`);
    if (r.fitted) svg.push(`<line x1="${fmt(x(r.lower))}" y1="${y}" x2="${fmt(x(r.upper))}" y2="${y}" stroke="#2c3e50" stroke-width="2"/>`);
    svg.push(`<circle cx="${fmt(x(r.estimate))}" cy="${y}" r="4" fill="${r.fitted ? (r.estimate >= 0 ? '#c0392b' : '#27ae60') : '#fff'}" stroke="#2c3e50"/>`);
  });
  const ticks = niceTicks(lo, hi);
  for (const t of ticks)
    svg.push(`<text x="${fmt(x(t))}" y="${height - 12}" font-size="10" text-anchor="middle">${fmt(t)}</text><line x1="${fmt(x(t))}" y1="${height - 28}" x2="${fmt(x(t))}" y2="${height - 24}" stroke="#666"/>`);
  return svg.join('') + '</svg>';
}

function niceTicks(lo: number, hi: number): number[] {
  const span = hi - lo;
  const step = [0.25, 0.5, 1, 2, 5, 10].find((s) => span / s <= 8) ?? 20;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}
