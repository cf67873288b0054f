import * as z from 'zod';
import { CHANNELS, CHANNEL_ALIASES, resolveChannel, type Channel } from '../core/channels.js';
import { LIMITS } from '../core/limits.js';
import { clip } from '../core/input-error.js';

/** No channel name or alias is longer; a longer one is not looked up at all. */
export const MAX_CHANNEL_NAME = 64;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const channelName = z
  .string({ error: `channel must be one of ${CHANNELS.join(', ')} (or a Chinese alias such as 电话, 在线, 网点)` })
  .refine((name) => name.length <= MAX_CHANNEL_NAME && resolveChannel(name) !== undefined, {
    error: (issue) =>
      `unknown channel ${JSON.stringify(clip(String(issue.input)))}: use one of ${CHANNELS.join(', ')} or an alias such as 电话, 在线, 网点, 邮件, 社交媒体, 短信`,
  })
  .transform((name) => resolveChannel(name) as Channel)
  .meta({ description: 'Where the contact happens', examples: [...CHANNELS, ...CHANNEL_ALIASES.slice(0, 8)] });

function count(field: string, what: string) {
  return z
    .int({ error: `${field} must be a whole number ≥ 0 (${what})` })
    .min(0, { error: `${field} must be ≥ 0 (${what})` })
    .max(LIMITS.maxCount, { error: `${field} must be ≤ ${LIMITS.maxCount} (${what})` })
    .transform(positiveZero);
}

/** -0 is read as 0, so it never shows up as a factor's value. */
function positiveZero(n: number): number {
  return n + 0;
}

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
  const date = new Date(Date.UTC(year, month - 1, day));
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

export const turnSchema = z.strictObject({
  speaker: z.enum(['customer', 'agent'], { error: "speaker must be 'customer' or 'agent'" }),
  text: z.string({ error: 'turn text must be a string' }),
  at: timestampSchema.optional(),
});

export const historyContactSchema = z.strictObject({
  at: timestampSchema,
  channel: channelName.optional(),
  complained: z.boolean({ error: 'complained must be true or false' }).optional(),
});

const attributeKey = z
  .string()
  .max(LIMITS.maxAttributeNameLength, { error: `attribute names must be at most ${LIMITS.maxAttributeNameLength} characters` })
  .refine((key) => !FORBIDDEN_KEYS.has(key), {
    error: (issue) => `attribute name ${JSON.stringify(issue.input)} is not allowed`,
  });

const attributeValue = z.union(
  [
    z
      .number()
      .min(-LIMITS.maxAttributeMagnitude, { error: `attribute numbers must be within ±${LIMITS.maxAttributeMagnitude}` })
      .max(LIMITS.maxAttributeMagnitude, { error: `attribute numbers must be within ±${LIMITS.maxAttributeMagnitude}` })
      .transform(positiveZero),
    z.boolean(),
    z.string().max(LIMITS.maxAttributeLength, { error: `attribute strings must be at most ${LIMITS.maxAttributeLength} characters` }),
  ],
  { error: `an attribute must be a finite number (within ±${LIMITS.maxAttributeMagnitude}), a boolean or a string` },
);

export const interactionSchema = z
  .strictObject({
    channel: channelName,
    waitSeconds: z
      .number({ error: 'waitSeconds must be a finite number of seconds ≥ 0' })
      .min(0, { error: 'waitSeconds must be ≥ 0 seconds' })
      .max(LIMITS.maxWaitSeconds, { error: `waitSeconds must be ≤ ${LIMITS.maxWaitSeconds} (one year)` })
      .transform(positiveZero)
      .optional(),
    repeatContacts: count('repeatContacts', 'earlier contacts about the same issue').optional(),
    text: z
      .union([z.string(), z.array(turnSchema).max(LIMITS.maxTurns, { error: `text may hold at most ${LIMITS.maxTurns} turns` })], {
        error: 'text must be a string or an array of { speaker, text, at? } turns',
      })
      .optional(),
    transfers: count('transfers', 'hand-offs between agents or departments').optional(),
    unresolved: z.boolean({ error: 'unresolved must be true or false' }).optional(),
    priorComplaints: count('priorComplaints', 'formal complaints filed before').optional(),
    attributes: z
      .record(attributeKey, attributeValue, {
        error: 'attributes must be an object of numbers, booleans or strings',
      })
      .refine((attrs) => Object.keys(attrs).length <= LIMITS.maxAttributes, {
        error: `attributes may hold at most ${LIMITS.maxAttributes} entries`,
      })
      .optional(),
    history: z
      .array(historyContactSchema, { error: 'history must be an array of { at, channel?, complained? } contacts' })
      .max(LIMITS.maxHistory, { error: `history may hold at most ${LIMITS.maxHistory} contacts` })
      .optional(),
    now: timestampSchema.optional(),
  })
  .refine((x) => x.history === undefined || x.now !== undefined, {
    path: ['now'],
    error: 'now is required with history: the time of this contact, to age the earlier ones (epoch ms or ISO-8601)',
  })
  .meta({ id: 'Interaction', title: 'Interaction', description: 'One customer contact to score for complaint risk.' });

/**
 * What callers pass to `score()`: a channel name or one of its aliases
 * (电话, 在线, 网点, ...), and any of the optional signals.
 */
export type Interaction = Omit<z.input<typeof interactionSchema>, 'channel'> & {
  channel: Channel | (string & Record<never, never>);
};
/** A validated interaction: channel resolved to its canonical name. */
export type NormalizedInteraction = z.output<typeof interactionSchema>;
export type Turn = z.output<typeof turnSchema>;
export type HistoryContact = z.output<typeof historyContactSchema>;
