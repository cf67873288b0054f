import * as z from 'zod';
import { lazySchema } from '../../core/lazy-schema.js';
import { diminishing, type FeatureKind } from '../feature-kind.js';
import { featureId, featureLabel, positiveCap } from '../spec-parts.js';
import { summarizeHistory, type HistorySummary } from '../contact-history.js';
import type { Bilingual } from '../../core/types.js';
import type { NormalizedInteraction } from '../../schema/interaction-schema.js';
import { freshReason } from '../../core/fresh-reason.js';
import { ReasonTable } from '../../core/reason-table.js';

/** Counts below this have their column value and reason kept per compiled feature, worked out on first use. */
const SMALL_COUNTS = 64;

export const countSpecSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    id: featureId,
    kind: z.literal('count'),
    signal: z.enum(['repeatContacts', 'transfers', 'priorComplaints']),
    /** Upper bound of log2(1 + n). */
    cap: positiveCap,
    /**
     * For repeatContacts: when the interaction carries dated `history`, each
     * earlier contact counts 0.5^(age in days / half-life) instead of 1.
     */
    halfLifeDays: z.number().positive().max(3650).optional(),
    label: featureLabel,
  }),
);
export type CountSpec = z.output<typeof countSpecSchema>;
type CountSignal = CountSpec['signal'];

/** Two weeks: a contact yesterday counts 0.95, one 25 days ago 0.29. */
export const DEFAULT_HALF_LIFE_DAYS = 14;

/**
 * Repeat contacts, transfers and prior complaints, with diminishing returns.
 * Dated `history` replaces the bare `repeatContacts` count (recency-weighted
 * by the feature's half-life) and supplies `priorComplaints` when that count
 * is not given; the factor's value is then the history summary.
 */
export const countKind: FeatureKind<typeof countSpecSchema, number | HistorySummary> = {
  kind: 'count',
  schema: countSpecSchema,
  readsText: false,
  columns: (spec) => [spec.id],
  compile(spec) {
    const { signal, cap } = spec;
    const halfLife = spec.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
    const countReason = COUNT_REASONS[signal];
    // Worded the first time each count is asked for, not here: a model is compiled for every scorer and
    // every live session, and a session of a few turns would pay for all the counts it never sees.
    const smallReasons = new ReasonTable(SMALL_COUNTS);
    // Each small count's column, worked out the first time it is seen (as the reasons are); NaN until then.
    const smallColumns = new Float64Array(SMALL_COUNTS).fill(NaN);
    return {
      evaluate(ctx, out, offset) {
        const { interaction } = ctx;
        // The count read by name (one load site per signal), not interaction[signal]: a keyed load that sees three names and every interaction shape.
        const history = interaction.history !== undefined && readsHistory(signal, interaction) ? summarizeHistory(interaction, halfLife) : undefined;
        if (history !== undefined) {
          out[offset] = diminishing(signal === 'repeatContacts' ? history.weighted : history.complaints, cap);
          return signal === 'repeatContacts' ? history : history.complaints;
        }
        const n = signal === 'repeatContacts' ? interaction.repeatContacts : signal === 'transfers' ? interaction.transfers : interaction.priorComplaints;
        out[offset] = n === undefined ? NaN : smallReasons.holds(n) ? smallColumn(smallColumns, n, cap) : diminishing(n, cap);
        return n;
      },
      reason: (value) =>
        typeof value !== 'number'
          ? historyReason(value)
          : smallReasons.holds(value)
            ? (smallReasons.at(value) ?? smallReasons.remember(value, countReason(value)))
            : countReason(value),
    };
  },
};

/** Column `n` of a count's small-count table, worked out and kept on first use. */
function smallColumn(columns: Float64Array, n: number, cap: number): number {
  const kept = columns[n] as number;
  return kept === kept ? kept : (columns[n] = diminishing(n, cap));
}

/** Transfers never come from history; prior complaints only when not counted outright. */
function readsHistory(signal: CountSignal, interaction: NormalizedInteraction): boolean {
  if (signal === 'transfers' || interaction.history === undefined) return false;
  return !(signal === 'priorComplaints' && interaction.priorComplaints !== undefined);
}

function historyReason(h: HistorySummary): Bilingual {
  if (h.contacts === 0) return freshReason(FIRST_CONTACT);
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

const FIRST_CONTACT: Bilingual = { zh: '首次就此问题联系', en: 'First contact about this issue' };

const COUNT_REASONS: Record<CountSignal, (n: number) => Bilingual> = {
  repeatContacts: (n) =>
    n === 0 ? freshReason(FIRST_CONTACT) : { zh: `此前已就同一问题联系 ${n} 次`, en: `${n} earlier ${n === 1 ? 'contact' : 'contacts'} about the same issue` },
  transfers: (n) =>
    n === 0 ? { zh: '未经转接', en: 'Not transferred' } : { zh: `被转接 ${n} 次`, en: `Transferred ${n} ${n === 1 ? 'time' : 'times'}` },
  priorComplaints: (n) =>
    n === 0
      ? { zh: '此前没有正式投诉', en: 'No formal complaints before' }
      : { zh: `此前正式投诉过 ${n} 次`, en: `Filed ${n} formal ${n === 1 ? 'complaint' : 'complaints'} before` },
};
