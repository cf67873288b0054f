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

/** At most this many labels on any axis, whatever the data: a report of wild weights must not hold 25,000 of them. */
export const MAX_TICKS = 8;

/** Round tick values (1, 2 or 5 × 10^k apart) covering [lo, hi], at most MAX_TICKS of them. */
export function niceTicks(lo: number, hi: number, most = MAX_TICKS): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi)) || !(hi > lo)) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / Math.max(1, most - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((s) => Math.floor(hi / s) - Math.ceil(lo / s) + 1 <= most) ?? 10 * power) as number;
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9 && out.length < most; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** The top of a share axis, rounded up to a tick, with round percentage ticks from 0. */
function shareAxis(largest: number): { top: number; ticks: [number, string][] } {
  const step = niceTicks(0, Math.max(0.01, largest), 6)[1] ?? 0.1;
  const top = Math.min(1, Math.ceil((Math.max(0.01, largest) * 1.05) / step - 1e-9) * step) || step;
  const ticks = niceTicks(0, top, 6).map((t): [number, string] => [t, `${Number((t * 100).toPrecision(6))}%`]);
  return { top, ticks };
}

function frame(
  xLabel: string,
  yLabel: string,
  xTicks: [number, string][],
  yTicks: [number, string][],
  xRange: [number, number],
  yRange: [number, number],
  title: string,
  top = PAD.top,
): Frame {
  const iw = W - PAD.left - PAD.right;
  const ih = H - top - PAD.bottom;
  const PAD_TOP = top;
  const x = (v: number): number => PAD.left + ((v - xRange[0]) / (xRange[1] - xRange[0])) * iw;
  const y = (v: number): number => PAD_TOP + ih - ((v - yRange[0]) / (yRange[1] - yRange[0])) * ih;
  const svg = [
    `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">`,
    `<rect x="${PAD.left}" y="${PAD_TOP}" width="${iw}" height="${ih}" fill="#fafafa" stroke="#bbb"/>`,
  ];
  for (const [v, label] of xTicks.slice(0, MAX_TICKS))
    svg.push(`<line x1="${fmt(x(v))}" y1="${PAD_TOP + ih}" x2="${fmt(x(v))}" y2="${PAD_TOP + ih + 4}" stroke="#666"/><text x="${fmt(x(v))}" y="${PAD_TOP + ih + 16}" font-size="10" text-anchor="middle">${escapeHtml(label)}</text>`);
  for (const [v, label] of yTicks.slice(0, MAX_TICKS))
    svg.push(`<line x1="${PAD.left - 4}" y1="${fmt(y(v))}" x2="${PAD.left}" y2="${fmt(y(v))}" stroke="#666"/><text x="${PAD.left - 6}" y="${fmt(y(v) + 3)}" font-size="10" text-anchor="end">${escapeHtml(label)}</text>`);
  svg.push(`<text x="${PAD.left + iw / 2}" y="${H - 6}" font-size="11" text-anchor="middle">${escapeHtml(xLabel)}</text>`);
  svg.push(`<text x="12" y="${PAD_TOP + ih / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${PAD_TOP + ih / 2})">${escapeHtml(yLabel)}</text>`);
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
  const { top, ticks } = shareAxis(Math.max(0.05, ...bins.flatMap((b) => [b.predicted, b.observed])));
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
  const { top, ticks: yTicks } = shareAxis(Math.max(0.05, ...pc, ...po));
  const lo = d.edges[0] as number;
  const hi = d.edges[d.edges.length - 1] as number;
  const probTicks: [number, string][] = [0.001, 0.01, 0.05, 0.2, 0.5, 0.9].map((p) => [Math.log(p / (1 - p)), `${p * 100}%`]);
  // The legend sits above the plot, where no bar can be.
  const legendTop = 34;
  const f = frame('predicted probability (log-odds scale) 预测概率', 'share of class 占本类比例', probTicks.filter(([v]) => v >= lo && v <= hi), yTicks, [lo, hi], [0, top], 'Score distribution per class', legendTop);
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
  f.svg.push(`<g class="legend"><rect x="${PAD.left}" y="8" width="10" height="10" fill="#c0392b"/><text x="${PAD.left + 14}" y="17" font-size="10">complaints 投诉</text>`);
  f.svg.push(`<rect x="${PAD.left + 130}" y="8" width="10" height="10" fill="#95a5a6"/><text x="${PAD.left + 144}" y="17" font-size="10">no complaint 未投诉</text></g>`);
  return f.svg.join('') + '</svg>';
}

/** A forest plot: each weight (standardised: log-odds per SD) with its 95 % interval. */
export function weightsChart(rows: readonly { label: string; estimate: number; lower: number; upper: number; fitted: boolean; prior?: number | undefined }[]): string {
  const rowH = 18;
  const left = 150;
  const width = 560;
  const height = 30 + rows.length * rowH + 30;
  const values = rows.flatMap((r) => (r.fitted ? [r.lower, r.upper] : [r.prior ?? r.estimate]));
  const lo = Math.min(-0.5, ...values);
  const hi = Math.max(0.5, ...values);
  const x = (v: number): number => left + ((v - lo) / (hi - lo)) * (width - left - 20);
  const svg = [`<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Weights with 95% intervals">`];
  svg.push(`<line x1="${fmt(x(0))}" y1="20" x2="${fmt(x(0))}" y2="${height - 28}" stroke="#999"/>`);
  rows.forEach((r, i) => {
    const y = 30 + i * rowH;
    svg.push(`<text x="${left - 8}" y="${y + 4}" font-size="11" text-anchor="end">${escapeHtml(r.label)}</text>`);
    if (r.fitted) svg.push(`<line x1="${fmt(x(r.lower))}" y1="${y}" x2="${fmt(x(r.upper))}" y2="${y}" stroke="#2c3e50" stroke-width="2"/>`);
    if (r.fitted) svg.push(`<circle cx="${fmt(x(r.estimate))}" cy="${y}" r="4" fill="${r.estimate >= 0 ? '#c0392b' : '#27ae60'}" stroke="#2c3e50"/>`);
    else {
      // Not fitted here (constant in the data): its prior weight is the one used, drawn as a hollow diamond and said so.
      const px = x(r.prior ?? 0);
      svg.push(`<path class="prior" d="M${fmt(px)} ${y - 5}L${fmt(px + 5)} ${y}L${fmt(px)} ${y + 5}L${fmt(px - 5)} ${y}Z" fill="#fff" stroke="#7f8c8d"/><text x="${fmt(px + 8)}" y="${y + 4}" font-size="9" fill="#7f8c8d">prior</text>`);
    }
  });
  const ticks = niceTicks(lo, hi);
  for (const t of ticks)
    svg.push(`<text x="${fmt(x(t))}" y="${height - 12}" font-size="10" text-anchor="middle">${fmt(t)}</text><line x1="${fmt(x(t))}" y1="${height - 28}" x2="${fmt(x(t))}" y2="${height - 24}" stroke="#666"/>`);
  return svg.join('') + '</svg>';
}

