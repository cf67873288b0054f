import { logit, type Band, type Model, type RiskResult } from 'complaint-risk';
import { h, formatPercent, formatShortPercent, formatSigned } from './dom.js';
import { t, type Lang } from './i18n.js';
import { BANDS, BAND_LABELS } from './bands.js';

/** Probabilities worth a tick on the log-odds axis; the ones that fit are shown. */
const TICKS = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 0.99, 0.997, 0.999];
/** Fraction of the track between two tick labels, so they never run into each other. */
const MIN_TICK_GAP = 0.16;

interface Axis {
  lo: number;
  hi: number;
  at(logOdds: number): number;
}

function axisFor(points: number[]): Axis {
  let lo = Math.min(...points);
  let hi = Math.max(...points);
  const pad = Math.max(0.4, 0.06 * (hi - lo));
  lo -= pad;
  hi += pad;
  return { lo, hi, at: (v) => ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * 100 };
}

const pct = (x: number): string => `${x.toFixed(3)}%`;

/** The bands' ranges as faint stripes behind every row, so each bar shows which band it moves towards. */
function zones(axis: Axis, model: Model): HTMLElement {
  const cuts = [axis.lo, logit(model.bands.medium), logit(model.bands.high), logit(model.bands.critical), axis.hi];
  const layer = h('div', { class: 'wf-zones', 'aria-hidden': 'true' });
  BANDS.forEach((band, i) => {
    const from = Math.max(axis.lo, cuts[i] as number);
    const to = Math.min(axis.hi, cuts[i + 1] as number);
    if (to <= from) return;
    layer.append(h('span', { class: 'wf-zone', 'data-band': band, style: `left:${pct(axis.at(from))};width:${pct(axis.at(to) - axis.at(from))}` }));
  });
  return layer;
}

function track(axis: Axis, model: Model, ...marks: HTMLElement[]): HTMLElement {
  return h('div', { class: 'wf-track' }, zones(axis, model), ...marks);
}

function dot(axis: Axis, logOdds: number, band?: Band): HTMLElement {
  return h('span', { class: 'wf-dot', 'data-band': band, style: `left:${pct(axis.at(logOdds))}` });
}

export function renderWaterfall(result: RiskResult, model: Model, lang: Lang): HTMLElement {
  const start = logit(result.reference.probability);
  const end = logit(result.probability);
  let running = start;
  const steps = result.factors.map((factor) => {
    const from = running;
    running += factor.contribution;
    return { factor, from, to: running };
  });
  const axis = axisFor([start, end, ...steps.map((s) => s.to)]);

  const ticks = h('div', { class: 'wf-ticks', 'aria-hidden': 'true' });
  let last = -Infinity;
  for (const p of TICKS) {
    const x = logit(p);
    if (x < axis.lo || x > axis.hi || axis.at(x) - last < MIN_TICK_GAP * 100) continue;
    last = axis.at(x);
    ticks.append(h('span', { class: 'wf-tick', style: `left:${pct(last)}` }, formatShortPercent(p)));
  }

  const referenceLabel = model.reference.label?.[lang];
  const rows: HTMLElement[] = [
    h('div', { class: 'wf-row wf-axis' }, h('span', { class: 'wf-label' }), ticks, h('span', { class: 'wf-value' })),
    h(
      'div',
      { class: 'wf-row wf-end', 'data-testid': 'reference' },
      h('span', { class: 'wf-label' }, h('strong', {}, t(lang, 'reference')), referenceLabel ? h('small', {}, referenceLabel) : null),
      track(axis, model, dot(axis, start)),
      h('span', { class: 'wf-value' }, formatPercent(result.reference.probability)),
    ),
  ];
  for (const { factor, from, to } of steps) {
    const left = Math.min(from, to);
    const right = Math.max(from, to);
    const bar = h('span', {
      class: 'wf-bar',
      'data-direction': factor.direction,
      style: `left:${pct(axis.at(left))};width:max(2px, ${pct(axis.at(right) - axis.at(left))})`,
    });
    rows.push(
      h(
        'div',
        {
          class: 'wf-row',
          'data-testid': 'factor',
          'data-id': factor.id,
          'data-contribution': String(factor.contribution),
          'data-direction': factor.direction,
          title: `${factor.id}: ${formatSigned(factor.contribution)} (${t(lang, factor.direction)})`,
        },
        h('span', { class: 'wf-label reason' }, factor.reason[lang]),
        track(axis, model, bar),
        h('span', { class: 'wf-value', 'data-direction': factor.direction }, formatSigned(factor.contribution)),
      ),
    );
  }
  rows.push(
    h(
      'div',
      { class: 'wf-row wf-end wf-final' },
      h('span', { class: 'wf-label' }, h('strong', {}, t(lang, 'final')), h('small', {}, BAND_LABELS[result.band][lang])),
      track(axis, model, dot(axis, end, result.band)),
      h('span', { class: 'wf-value' }, formatPercent(result.probability)),
    ),
  );
  const body = h('div', { class: 'waterfall' }, ...rows);
  if (result.factors.length === 0) body.append(h('p', { class: 'muted' }, t(lang, 'noFactors')));
  return body;
}
