import type { Band } from 'complaint-risk';
import { svg } from './dom.js';
import { BANDS, BAND_LABELS, bandIndex } from './bands.js';
import type { Lang } from './i18n.js';

export interface ChartPoint {
  band: Band;
  probability: number;
  label: string;
}

const HEIGHT = 148;
const MARGIN = { right: 14, top: 12, bottom: 26 };

/** Room for the band names at 12px: CJK characters are about twice as wide as Latin ones. */
function labelWidth(lang: Lang): number {
  const widths = BANDS.map((band) => [...BAND_LABELS[band][lang]].reduce((w, ch) => w + (/[\u3000-\u9fff]/.test(ch) ? 12.5 : 7), 0));
  return Math.ceil(Math.max(...widths)) + 16;
}

/**
 * The band after each step as a small line chart: one row per band, one
 * column per step of the whole conversation (so the line grows to the right
 * as turns are played). Drawn at the container's pixel width so the labels
 * keep their size on a phone.
 */
export function renderBandChart(points: readonly ChartPoint[], steps: number, width: number, lang: Lang, title: string): SVGElement {
  const w = Math.max(240, Math.round(width));
  const left = labelWidth(lang);
  const plotW = w - left - MARGIN.right;
  const rowH = (HEIGHT - MARGIN.top - MARGIN.bottom) / BANDS.length;
  const x = (i: number): number => left + (steps <= 1 ? plotW / 2 : (i * plotW) / (steps - 1));
  const y = (band: Band): number => MARGIN.top + (BANDS.length - 1 - bandIndex(band) + 0.5) * rowH;

  const chart = svg('svg', { class: 'band-chart', width: w, height: HEIGHT, viewBox: `0 0 ${w} ${HEIGHT}`, role: 'img', 'aria-label': title });
  chart.append(svg('title', {}, title));
  for (const band of BANDS) {
    const top = y(band) - rowH / 2;
    chart.append(svg('rect', { class: 'chart-row', 'data-band': band, x: left, y: top, width: plotW, height: rowH }));
    chart.append(svg('text', { class: 'chart-band', x: left - 8, y: y(band), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, BAND_LABELS[band][lang]));
  }
  const every = Math.max(1, Math.ceil(steps / Math.max(1, Math.floor(plotW / 36))));
  for (let i = 0; i < steps; i++) {
    if (i % every !== 0 && i !== steps - 1) continue;
    chart.append(svg('text', { class: 'chart-step', x: x(i), y: HEIGHT - 8, 'text-anchor': 'middle' }, i === 0 ? '0' : String(i)));
  }
  if (points.length > 1)
    chart.append(svg('polyline', { class: 'chart-line', points: points.map((p, i) => `${x(i).toFixed(1)},${y(p.band).toFixed(1)}`).join(' ') }));
  points.forEach((p, i) =>
    chart.append(
      svg(
        'circle',
        { class: 'chart-point', 'data-testid': 'chart-point', 'data-band': p.band, cx: x(i).toFixed(1), cy: y(p.band).toFixed(1), r: i === points.length - 1 ? 6 : 4.5 },
        svg('title', {}, p.label),
      ),
    ),
  );
  return chart;
}
