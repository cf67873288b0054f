import * as z from 'zod';
import { CHANNELS, CHANNEL_ALIASES, resolveChannel, type Channel } from '../core/channels.js';
import { LIMITS } from '../core/limits.js';
import { clip } from '../core/input-error.js';
import { isForbiddenKey } from '../core/forbidden-keys.js';
import { timestampSchema } from './timestamps.js';
import { lazySchema } from '../core/lazy-schema.js';

/** No channel name or alias is longer; a longer one is not looked up at all. */
export const MAX_CHANNEL_NAME = 64;

const channelName = /* @__PURE__ */ lazySchema(
  () =>
    z
      .string({ error: `channel must be one of ${CHANNELS.join(', ')} (or a Chinese alias such as 电话, 在线, 网点)` })
      .refine((name) => name.length <= MAX_CHANNEL_NAME && resolveChannel(name) !== undefined, {
        error: (issue) =>
          `unknown channel ${JSON.stringify(clip(String(issue.input)))}: use one of ${CHANNELS.join(', ')} or an alias such as 电话, 在线, 网点, 邮件, 社交媒体, 短信`,
      })
      .transform((name) => resolveChannel(name) as Channel),
  { description: 'Where the contact happens', examples: [...CHANNELS, ...CHANNEL_ALIASES.slice(0, 8)] },
);

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

export const turnSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    speaker: z.enum(['customer', 'agent'], { error: "speaker must be 'customer' or 'agent'" }),
    text: z.string({ error: 'turn text must be a string' }),
    at: timestampSchema.optional(),
  }),
);

export const historyContactSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    at: timestampSchema,
    channel: channelName.optional(),
    complained: z.boolean({ error: 'complained must be true or false' }).optional(),
  }),
);

function attributeKey() {
  return z
    .string()
    .max(LIMITS.maxAttributeNameLength, { error: `attribute names must be at most ${LIMITS.maxAttributeNameLength} characters` })
    .refine((key) => !isForbiddenKey(key), {
      error: (issue) => `attribute name ${JSON.stringify(issue.input)} is not allowed`,
    });
}

function attributeValue() {
  return z.union(
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
}

/** The interaction fields in order; the shape below must give each its rule, and no other. */
const FIELD_NAMES = ['channel', 'waitSeconds', 'repeatContacts', 'text', 'transfers', 'unresolved', 'priorComplaints', 'attributes', 'history', 'now'] as const;

/** The fields of an interaction, each with its rule (made when the interaction schema is first used). */
const interactionShape = () => ({
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
    .record(attributeKey(), attributeValue(), {
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
}) satisfies Record<InteractionField, z.ZodType>;

export const interactionSchema = /* @__PURE__ */ lazySchema(
  () =>
    z.strictObject(interactionShape()).refine((x) => x.history === undefined || x.now !== undefined, {
      path: ['now'],
      error: 'now is required with history: the time of this contact, to age the earlier ones (epoch ms or ISO-8601)',
    }),
  { id: 'Interaction', title: 'Interaction', description: 'One customer contact to score for complaint risk.' },
);

/**
 * What callers pass to `score()`: a channel name or one of its aliases
 * (电话, 在线, 网点, ...), and any of the optional signals.
 */
export type Interaction = Omit<z.input<typeof interactionSchema>, 'channel' | 'text'> & {
  channel: Channel | (string & Record<never, never>);
  /** The customer's words: a string, or the turns of a transcript (a read-only list is fine). */
  text?: string | readonly z.input<typeof turnSchema>[] | undefined;
};
/** A validated interaction: channel resolved to its canonical name. */
export type NormalizedInteraction = z.output<typeof interactionSchema>;
export type Turn = z.output<typeof turnSchema>;
export type HistoryContact = z.output<typeof historyContactSchema>;

/**
 * The name of an interaction field. Tables keyed by it (`Record<InteractionField, …>`:
 * the fast validator, the CSV header names, the CLI help, the test generators)
 * fail to compile until a new field has its entry in each.
 */
export type InteractionField = (typeof FIELD_NAMES)[number];
export const INTERACTION_FIELDS = Object.freeze([...FIELD_NAMES]) as readonly InteractionField[];
