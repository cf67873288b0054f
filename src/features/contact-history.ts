import type { NormalizedInteraction } from '../schema/interaction-schema.js';
import { timestampMs } from '../schema/timestamps.js';

const DAY_MS = 86_400_000;


export interface HistorySummary {
  /** Earlier contacts in the history. */
  contacts: number;
  /** Days from the oldest earlier contact to now (0 when none). */
  spanDays: number;
  /** Σ 0.5^(age / half-life): a contact yesterday counts nearly 1, one a month ago far less. */
  weighted: number;
  /** Earlier contacts marked as formal complaints. */
  complaints: number;
}

/**
 * Ages the interaction's dated history against `now`. Contacts dated after
 * `now` (clock skew between systems) count as happening now.
 */
export function summarizeHistory(interaction: NormalizedInteraction, halfLifeDays: number): HistorySummary | undefined {
  const history = interaction.history;
  if (history === undefined || interaction.now === undefined) return undefined;
  const now = timestampMs(interaction.now);
  let weighted = 0;
  let oldest = 0;
  let complaints = 0;
  for (const contact of history) {
    const ageDays = Math.max(0, (now - timestampMs(contact.at)) / DAY_MS);
    weighted += Math.pow(0.5, ageDays / halfLifeDays);
    if (ageDays > oldest) oldest = ageDays;
    if (contact.complained === true) complaints++;
  }
  return { contacts: history.length, spanDays: oldest, weighted, complaints };
}
