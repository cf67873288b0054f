import type { Model, BandThresholds } from '../model/model-schema.js';
import { checkOptions } from '../core/options-check.js';
import { bandCriteriaSchema, thresholdCriterionSchema } from './option-schemas.js';
import { parseModel } from '../model/parse-model.js';
import { descending } from './metrics/precision-recall.js';
import { confusionAt, type Confusion } from './metrics/ranking.js';

/** How to pick a cut-off: a recall or precision target, costs, or how many contacts the team can handle. */
export type ThresholdCriterion =
  | { recall: number }
  | { precision: number }
  | {
      /** What one formal complaint costs (handling, remedy, regulator time): ~200 USD is a figure often quoted. */
      complaintCost: number;
      /** What stepping in costs (a senior agent's call back). */
      interventionCost: number;
      /** Share of complaints an intervention prevents (default 1). */
      effectiveness?: number;
    }
  | {
      /** Contacts the team can call back per period. */
      capacity: number;
      /** Contacts scored per period (default: the number of rows given). */
      volume?: number;
    };

export interface ChosenThreshold {
  threshold: number;
  criterion: ThresholdCriterion;
  confusion: Confusion;
  /** For a cost criterion: total cost on these rows at the threshold, and with no intervention at all. */
  cost?: { total: number; withoutIntervention: number; breakEvenProbability: number };
}

/** Probabilities strictly inside (0, 1), as band thresholds must be. */
function inside(t: number): number {
  return Math.min(1 - 1e-9, Math.max(1e-9, t));
}

/**
 * Picks a threshold on these scores. A row is flagged when score ≥
 * threshold (as bands are assigned); candidate thresholds are the distinct
 * scores, so the result is exactly achievable on the data.
 */
export function chooseThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>, given: ThresholdCriterion): ChosenThreshold {
  const criterion = checkOptions(thresholdCriterionSchema, given, 'threshold criterion') as ThresholdCriterion;
  const n = scores.length;
  if (n === 0) throw new RangeError('choosing a threshold needs scored rows');
  const order = descending(scores);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i] === 1 ? 1 : 0;
  // Walk the ranking from the riskiest row; at each distinct score, rows up to here are flagged.
  const cuts: { threshold: number; tp: number; flagged: number }[] = [];
  let tp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r] as number;
    if (labels[i] === 1) tp++;
    const next = order[r + 1];
    if (next === undefined || scores[next] !== scores[i]) cuts.push({ threshold: scores[i] as number, tp, flagged: r + 1 });
  }
  let threshold: number;
  let cost: ChosenThreshold['cost'];
  if ('recall' in criterion) {
    check(criterion.recall, 'recall');
    if (positives === 0) throw new RangeError('a recall target needs complaints among the rows');
    const cut = cuts.find((c) => c.tp / positives >= criterion.recall) as (typeof cuts)[number];
    threshold = cut.threshold;
  } else if ('precision' in criterion) {
    check(criterion.precision, 'precision');
    let best: (typeof cuts)[number] | undefined;
    for (const c of cuts) if (c.tp / c.flagged >= criterion.precision) best = c;
    if (best === undefined) throw new RangeError(`no threshold reaches precision ${criterion.precision} on these rows`);
    threshold = best.threshold;
  } else if ('complaintCost' in criterion) {
    const { complaintCost: C, interventionCost: c } = criterion;
    const e = criterion.effectiveness ?? 1;
    if (!(C > 0) || !(c >= 0) || !(e > 0 && e <= 1)) throw new RangeError('costs must be > 0 (complaint), ≥ 0 (intervention), effectiveness in (0, 1]');
    // Flagged rows cost c each, and their complaints still happen with probability 1 − e.
    const total = (cut: { tp: number; flagged: number }): number => cut.flagged * c + cut.tp * (1 - e) * C + (positives - cut.tp) * C;
    let best = cuts[0] as (typeof cuts)[number];
    for (const cut of cuts) if (total(cut) < total(best)) best = cut;
    threshold = best.threshold;
    cost = { total: total(best), withoutIntervention: positives * C, breakEvenProbability: c / (e * C) };
  } else {
    const volume = criterion.volume ?? n;
    if (!(criterion.capacity > 0) || !(volume > 0)) throw new RangeError('capacity and volume must be > 0');
    const share = Math.min(1, criterion.capacity / volume);
    const allowed = Math.max(1, Math.floor(share * n));
    // The lowest threshold that flags no more rows than the team can take.
    let best = cuts[0] as (typeof cuts)[number];
    for (const cut of cuts) if (cut.flagged <= allowed) best = cut;
    threshold = best.threshold;
  }
  threshold = inside(threshold);
  return { threshold, criterion, confusion: confusionAt(scores, labels, threshold), ...(cost !== undefined ? { cost } : {}) };
}

/** The criterion in words, for reports and summaries. */
export function describeCriterion(criterion: ThresholdCriterion): string {
  const pct = (v: number): string => `${Math.round(v * 1000) / 10}%`;
  if ('recall' in criterion) return `catch ${pct(criterion.recall)} of complaints`;
  if ('precision' in criterion) return `${pct(criterion.precision)} of flagged contacts complain`;
  if ('complaintCost' in criterion)
    return `least total cost: a complaint costs ${criterion.complaintCost}, a call-back ${criterion.interventionCost}${criterion.effectiveness !== undefined ? ` and prevents ${pct(criterion.effectiveness)} of complaints` : ''}`;
  return criterion.volume !== undefined ? `${criterion.capacity} call-backs per ${criterion.volume} contacts` : `${criterion.capacity} call-backs for these contacts`;
}

function check(v: number, name: string): void {
  if (!(v > 0 && v <= 1)) throw new RangeError(`${name} target must be in (0, 1], got ${v}`);
}

/** Confusion counts at each threshold, for the report's threshold table (total weights, when weights are given). */
export function thresholdTable(scores: ArrayLike<number>, labels: ArrayLike<number>, thresholds: readonly number[], weights?: ArrayLike<number>): Confusion[] {
  return thresholds.map((t) => confusionAt(scores, labels, t, weights));
}

/**
 * A new, validated model with some band cut-offs replaced. Throws the
 * model's own error when the result is not increasing
 * (medium < high < critical).
 */
export function withBands(model: Model, bands: Partial<BandThresholds>, note?: Record<string, string>): Model {
  const merged = { ...model.bands, ...bands };
  const metadata = note === undefined ? model.metadata : { ...(model.metadata ?? {}), thresholds: note };
  return parseModel({ ...model, bands: merged, ...(metadata !== undefined ? { metadata } : {}) });
}

/** Chooses each named band's cut-off by its criterion and writes them into a new model. */
export function chooseBands(
  model: Model,
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  given: Partial<Record<keyof BandThresholds, ThresholdCriterion>>,
): { model: Model; chosen: Partial<Record<keyof BandThresholds, ChosenThreshold>> } {
  const criteria = checkOptions(bandCriteriaSchema, given, 'band criteria') as Partial<Record<keyof BandThresholds, ThresholdCriterion>>;
  const chosen: Partial<Record<keyof BandThresholds, ChosenThreshold>> = {};
  const bands: Partial<BandThresholds> = {};
  const note: Record<string, string> = {};
  for (const band of ['medium', 'high', 'critical'] as const) {
    const criterion = criteria[band];
    if (criterion === undefined) continue;
    const pick = chooseThreshold(scores, labels, criterion);
    chosen[band] = pick;
    bands[band] = pick.threshold;
    note[band] = describeCriterion(criterion);
  }
  const merged = { ...model.bands, ...bands };
  if (!(merged.medium < merged.high && merged.high < merged.critical)) {
    const describe = (band: keyof BandThresholds): string =>
      `${band} ${merged[band].toFixed(4)} (${criteria[band] !== undefined ? JSON.stringify(criteria[band]) : "the model's"})`;
    throw new RangeError(
      `band cut-offs must increase (medium < high < critical), but these give ${describe('medium')}, ${describe('high')}, ${describe('critical')}: choose the other bands too, or loosen a target`,
    );
  }
  return { model: withBands(model, bands, note), chosen };
}
