import * as z from 'zod';
import { lazySchema } from '../core/lazy-schema.js';

/**
 * ISO-8601 only, and a time only with its zone: Date.parse also takes
 * "Tue Mar 5", reads a zone-less time in the host's zone and rolls Feb 30
 * into March, any of which would make a score depend on where it runs.
 * Every calendar rule is in the pattern (days per month, leap years, hours
 * 00-23 or 24:00, zone offsets up to ±23:59), so the exported JSON Schema
 * uses this very pattern and agrees with validation. No alternative can
 * backtrack far: each piece has a fixed length.
 */
// Year, then month-day with the days each month has, or Feb 29 of a leap year (divisible by 4, centuries by 400);
// a time 00:00-23:59(:59(.fraction)) or 24:00, and its zone: Z or an offset up to ±23:59.
const ISO_TIMESTAMP = /^(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)(?:[Tt ](?:(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?|24:00(?::00(?:\.0{1,9})?)?)(?:[Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d))?$/;
/** The pattern of an accepted timestamp string, as JSON Schema's `pattern` (ECMA-262) takes it. */
export const ISO_TIMESTAMP_PATTERN = ISO_TIMESTAMP.source;

function isIsoTimestamp(s: string): boolean {
  if (s.length > 40 || !ISO_TIMESTAMP.test(s)) return false;
  return Number.isFinite(Date.parse(s));
}

/** Epoch milliseconds, or an ISO-8601 date or zoned date-time string. */
export const timestampSchema = /* @__PURE__ */ lazySchema(() =>
  z.union(
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
  ),
);

/** Epoch milliseconds of a validated timestamp (number = epoch ms, string = ISO-8601). */
export function timestampMs(at: number | string): number {
  return typeof at === 'number' ? at : Date.parse(at);
}
