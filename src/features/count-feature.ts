import { diminishing, type FeatureKind } from './feature-kind.js';
import type { CountFeatureSpec } from './feature-spec-schema.js';
import type { Bilingual } from '../core/types.js';
import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import { summarizeHistory, type HistorySummary } from './contact-history.js';

/**
 * Repeat contacts, transfers and prior complaints, with diminishing returns.
 * Dated `history` replaces the bare `repeatContacts` count (recency-weighted
 * by the feature's half-life) and supplies `priorComplaints` when that count
 * is not given.
 */
export const countFeature: FeatureKind<CountFeatureSpec> = {
  evaluate(spec, ctx, out, offset) {
    const { interaction } = ctx;
    const history = historyFor(spec, interaction);
    if (history !== undefined) {
      out[offset] = diminishing(spec.signal === 'repeatContacts' ? history.weighted : history.complaints, spec.cap);
      return spec.signal === 'repeatContacts' ? history : history.complaints;
    }
    const n = interaction[spec.signal];
    if (n === undefined) {
      out[offset] = NaN;
      return undefined;
    }
    out[offset] = diminishing(n, spec.cap);
    return n;
  },
  reason(spec, value) {
    if (typeof value === 'object' && value !== null) return historyReason(value as HistorySummary);
    return COUNT_REASONS[spec.signal](value as number);
  },
};

function historyFor(spec: CountFeatureSpec, interaction: NormalizedInteraction): HistorySummary | undefined {
  if (spec.signal === 'transfers' || interaction.history === undefined) return undefined;
  if (spec.signal === 'priorComplaints' && interaction.priorComplaints !== undefined) return undefined;
  return summarizeHistory(interaction, spec.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS);
}

/** Two weeks: a contact yesterday counts 0.95, one 25 days ago 0.29. */
export const DEFAULT_HALF_LIFE_DAYS = 14;

function historyReason(h: HistorySummary): Bilingual {
  if (h.contacts === 0) return { zh: '首次就此问题联系', en: 'First contact about this issue' };
  const nth = h.contacts + 1;
  const days = Math.max(1, Math.ceil(h.spanDays));
  const weighted = Math.round(h.weighted * 10) / 10;
  return {
    zh: `${days} 天内第 ${nth} 次联系（按时间远近折算为此前 ${weighted} 次）`,
    en: `${ordinal(nth)} contact in ${days} ${days === 1 ? 'day' : 'days'} (recency-weighted ${weighted} earlier)`,
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

const COUNT_REASONS: Record<CountFeatureSpec['signal'], (n: number) => Bilingual> = {
  repeatContacts: (n) =>
    n === 0
      ? { zh: '首次就此问题联系', en: 'First contact about this issue' }
      : { zh: `此前已就同一问题联系 ${n} 次`, en: `${n} earlier ${n === 1 ? 'contact' : 'contacts'} about the same issue` },
  transfers: (n) =>
    n === 0
      ? { zh: '未经转接', en: 'Not transferred' }
      : { zh: `被转接 ${n} 次`, en: `Transferred ${n} ${n === 1 ? 'time' : 'times'}` },
  priorComplaints: (n) =>
    n === 0
      ? { zh: '此前没有正式投诉', en: 'No formal complaints before' }
      : { zh: `此前正式投诉过 ${n} 次`, en: `Filed ${n} formal ${n === 1 ? 'complaint' : 'complaints'} before` },
};
