import * as z from 'zod';

/**
 * ISO-8601 only, and a time only with its zone: Date.parse also takes
 * "Tue Mar 5", reads a zone-less time in the host's zone and rolls Feb 30
 * into March, any of which would make a score depend on where it runs.
 * Fixed-length pieces, so the pattern cannot backtrack.
 */
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}:?\d{2}))?$/;

function isIsoTimestamp(s: string): boolean {
  if (s.length > 40) return false;
  const m = ISO_TIMESTAMP.exec(s);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Not Date.UTC: it reads years 0-99 as 1900-1999, so 0000-02-29 (year 0 is a leap year) would fail as 1900-02-29.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return Number.isFinite(Date.parse(s));
}

/** Epoch milliseconds, or an ISO-8601 date or zoned date-time string. */
export const timestampSchema = z.union(
  [
    z
      .number({ error: 'must be a finite number of epoch milliseconds or an ISO-8601 string' })
      .min(-8.64e15, { error: 'must be within the range of JavaScript dates (±8.64e15 ms)' })
      .max(8.64e15, { error: 'must be within the range of JavaScript dates (±8.64e15 ms)' }),
    z.string().refine(isIsoTimestamp, {
      error: 'must be an ISO-8601 date (2026-11-23) or date-time with Z or an offset (2026-11-23T09:30:00Z, 2026-11-23T17:30:00+08:00)',
    }),
  ],
  { error: 'must be a finite number of epoch milliseconds (within ±8.64e15) or an ISO-8601 date-time string' },
);

/** Epoch milliseconds of a validated timestamp (number = epoch ms, string = ISO-8601). */
export function timestampMs(at: number | string): number {
  return typeof at === 'number' ? at : Date.parse(at);
}
